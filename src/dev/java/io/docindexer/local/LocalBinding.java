package io.docindexer.local;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local stack's servers listen. Tests and one-shot commands take free ports on loopback;
 * {@code ./docindexer stack} keeps {@link #forContainers() fixed ports on an address a Docker
 * container reaches}, so that the env-vars file it writes for {@code sam local invoke} stays
 * right from one run to the next.
 *
 * @param host the address every server binds to
 * @param sqs ElasticMQ; 0 for any free port
 * @param s3 S3Proxy; 0 for any free port
 * @param openSearch OpenSearch's HTTP port; 0 for any free port
 */
public record LocalBinding(String host, int sqs, int s3, int openSearch) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final LocalBinding ANY_ON_LOOPBACK = new LocalBinding(LOOPBACK, 0, 0, 0);
    /** Docker's default bridge on Linux: the host's side of it is what host-gateway names in a container. */
    private static final String DOCKER_BRIDGE = "docker0";

    /**
     * ElasticMQ's and OpenSearch's usual ports (S3Proxy beside ElasticMQ) on the address SAM's
     * function container reaches as {@code host.docker.internal:host-gateway}: Docker's bridge on
     * Linux; loopback where there is none (Docker Desktop forwards host.docker.internal to the
     * host's loopback). Never all interfaces: the servers take any credentials.
     */
    public static LocalBinding forContainers() {
        return new LocalBinding(dockerBridgeAddress().orElse(LOOPBACK), 9324, 9325, 9200);
    }

    private static Optional<String> dockerBridgeAddress() {
        try {
            NetworkInterface bridge = NetworkInterface.getByName(DOCKER_BRIDGE);
            if (bridge == null) {
                return Optional.empty();
            }
            return bridge.inetAddresses()
                    .filter(Inet4Address.class::isInstance)
                    .map(InetAddress::getHostAddress)
                    .findFirst();
        } catch (SocketException unreadable) {
            return Optional.empty();
        }
    }

    /** Fails, naming every server whose fixed port is taken, before any server starts. */
    void requireFree() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("SQS (ElasticMQ)", sqs);
        wanted.put("S3 (S3Proxy)", s3);
        wanted.put("OpenSearch", openSearch);
        StringBuilder taken = new StringBuilder();
        wanted.forEach((server, port) -> {
            if (port != 0 && !isFree(port)) {
                taken.append(taken.isEmpty() ? "" : ", ")
                        .append(server)
                        .append(" port ")
                        .append(port);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException(taken + " on " + host + " already in use: is another `./docindexer stack`"
                    + " running? Stop it (Ctrl-C in its terminal) or whatever holds the port, then try again.");
        }
    }

    private boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
