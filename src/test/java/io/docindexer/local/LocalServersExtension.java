package io.docindexer.local;

import io.docindexer.iam.OpenSearchRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack (ElasticMQ, S3Proxy and the shared real OpenSearch) per test JVM, injected as a
 * {@link LocalServers} parameter. Tests create their own queues with {@link LocalServers#createQueues}
 * so they cannot see each other's messages. The ingest function's environment reaches OpenSearch
 * through an {@link OpenSearchRecorder}, so that IamPolicyIT can check its requests against the
 * template's policies.
 */
public final class LocalServersExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalServersExtension.class);

    static LocalServers stack(ExtensionContext context) {
        OpenSearchServer openSearch = LocalOpenSearchExtension.server(context);
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        URI recorded = store.getOrComputeIfAbsent(
                        InterceptingHttpProxy.class, key -> recorder(openSearch), InterceptingHttpProxy.class)
                .endpoint();
        return store.getOrComputeIfAbsent(LocalServers.class, key -> start(openSearch, recorded), LocalServers.class);
    }

    private static InterceptingHttpProxy recorder(OpenSearchServer openSearch) {
        try {
            return OpenSearchRecorder.inFrontOf(openSearch.endpoint());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the proxy that records OpenSearch requests", e);
        }
    }

    private static LocalServers start(OpenSearchServer openSearch, URI functionOpenSearchEndpoint) {
        try {
            return LocalServers.around(openSearch, functionOpenSearchEndpoint);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the local SQS and S3 servers: " + e, e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return stack(extensionContext);
    }
}
