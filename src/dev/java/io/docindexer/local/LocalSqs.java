package io.docindexer.local;

import java.net.InetSocketAddress;
import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

/** ElasticMQ embedded on loopback: a real SQS API with RedrivePolicy and message move tasks. */
public final class LocalSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private LocalSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** @param port on {@code host}; 0 for any free one */
    public static LocalSqs start(String host, int port) {
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface(host);
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port))
                .withAWSRegion(LocalServers.REGION)
                .withAWSAccountId(LocalServers.ACCOUNT_ID)
                .start();
        InetSocketAddress address = server.waitUntilStarted().localAddress();
        return new LocalSqs(server, URI.create("http://" + host + ":" + address.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
