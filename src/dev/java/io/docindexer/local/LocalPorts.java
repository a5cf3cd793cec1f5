package io.docindexer.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loopback ports of the local stack's servers. Tests and one-shot commands take any free
 * ports; {@code ./docindexer stack} keeps {@link #FIXED} ones, so that the env-vars file it
 * writes for {@code sam local invoke} stays right from one run to the next.
 *
 * @param sqs ElasticMQ; 0 for any free port
 * @param s3 S3Proxy; 0 for any free port
 * @param openSearch OpenSearch's HTTP port; 0 for any free port
 */
public record LocalPorts(int sqs, int s3, int openSearch) {

    public static final LocalPorts ANY = new LocalPorts(0, 0, 0);
    /** ElasticMQ's and OpenSearch's usual ports, and S3Proxy beside ElasticMQ. */
    public static final LocalPorts FIXED = new LocalPorts(9324, 9325, 9200);

    /** Fails, naming every server whose fixed port is taken, before any server starts. */
    void requireFree() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("SQS (ElasticMQ)", sqs);
        wanted.put("S3 (S3Proxy)", s3);
        wanted.put("OpenSearch", openSearch);
        StringBuilder taken = new StringBuilder();
        wanted.forEach((server, port) -> {
            if (port != 0 && !isFree(port)) {
                taken.append(taken.isEmpty() ? "" : ", ").append(server).append(" port ").append(port);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException(taken + " on 127.0.0.1 already in use: is another `./docindexer stack`"
                    + " running? Stop it (Ctrl-C in its terminal) or whatever holds the port, then try again.");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
