package io.docindexer.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack (ElasticMQ, S3Proxy and the shared real OpenSearch) per test JVM, injected as a
 * {@link LocalStack} parameter. Tests create their own queues with {@link LocalStack#createQueues}
 * so they cannot see each other's messages.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    static LocalStack stack(ExtensionContext context) {
        OpenSearchServer openSearch = LocalOpenSearchExtension.server(context);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalStack.class, key -> start(openSearch), LocalStack.class);
    }

    private static LocalStack start(OpenSearchServer openSearch) {
        try {
            return LocalStack.around(openSearch);
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
        return parameterContext.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return stack(extensionContext);
    }
}
