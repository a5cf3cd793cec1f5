package io.docindexer.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real OpenSearch server per test JVM (it takes ~30 s, so every test class shares it)
 * and injects it as an {@link OpenSearchServer} parameter. JUnit stops it after the last test.
 *
 * <pre>{@code
 * @ExtendWith(LocalOpenSearchExtension.class)
 * class SomethingIT {
 *     @Test void finds(OpenSearchServer openSearch) { ... openSearch.endpoint() ... }
 * }
 * }</pre>
 */
public final class LocalOpenSearchExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalOpenSearchExtension.class);

    /**
     * The shared server, started on first use; for wider extensions that compose this one. JUnit
     * closes {@link AutoCloseable} values of the root store when the test JVM is done.
     */
    public static OpenSearchServer server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(OpenSearchServer.class, key -> startServer(), OpenSearchServer.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Start before the first test so a broken server fails the class, not a random test.
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == OpenSearchServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    private static OpenSearchServer startServer() {
        OpenSearchServer server = OpenSearchServer.fromBuild();
        try {
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }
}
