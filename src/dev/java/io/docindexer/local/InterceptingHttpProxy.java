package io.docindexer.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A tiny HTTP proxy on loopback in front of one local server. It shows each request's head to an
 * {@link Interceptor}, which may answer the request itself; everything else is forwarded byte for
 * byte. Pointing a client's endpoint at it lets a harness fail or watch that client's requests
 * with no hook in production code.
 *
 * <p>Each client connection carries one request: the proxy adds {@code Connection: close} to the
 * request it forwards and to the response it returns, so the server ends the exchange and the
 * client opens a new connection for the next request (which the interceptor then sees too). Forwarding is raw, so signatures, {@code Expect:
 * 100-continue} and streamed bodies pass untouched.
 */
public final class InterceptingHttpProxy implements AutoCloseable {

    /** What the proxy does with a request, decided from its head before anything is forwarded. */
    @FunctionalInterface
    public interface Interceptor {
        /** @return a whole HTTP response to send instead of forwarding the request, or empty to forward it */
        Optional<byte[]> answer(RequestHead head);
    }

    /**
     * The request line of a request, and whether a body follows the head.
     *
     * @param target the request target as sent: path and query, still percent-encoded
     */
    public record RequestHead(String method, String target, boolean hasBody) {}

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int SOCKET_TIMEOUT_MILLIS = 60_000;

    private final InetSocketAddress upstream;
    private final Interceptor interceptor;
    private final ServerSocket server;
    private final ExecutorService connections;

    private InterceptingHttpProxy(URI upstream, Interceptor interceptor, String threadName) throws IOException {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        this.interceptor = interceptor;
        this.connections = Executors.newCachedThreadPool(daemon(threadName));
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        daemon(threadName + "-accept").newThread(this::acceptUntilClosed).start();
    }

    /**
     * Listens on a free loopback port and forwards to {@code upstream} ({@code http://host:port}).
     *
     * @param threadName names the proxy's threads in thread dumps
     */
    public static InterceptingHttpProxy start(URI upstream, Interceptor interceptor, String threadName)
            throws IOException {
        return new InterceptingHttpProxy(upstream, interceptor, threadName);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void acceptUntilClosed() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            byte[] head = readHead(client.getInputStream());
            if (head.length == 0) {
                return;
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            Optional<byte[]> answer = interceptor.answer(parse(headText));
            if (answer.isPresent()) {
                client.getOutputStream().write(answer.get());
                client.getOutputStream().flush();
                return;
            }
            forward(client, withConnectionClose(headText));
        } catch (IOException | RuntimeException e) {
            // The client sees a reset or a timeout, as it would from a server that went away.
        }
    }

    private void forward(Socket client, byte[] head) throws IOException {
        try (Socket server = new Socket()) {
            server.connect(upstream, SOCKET_TIMEOUT_MILLIS);
            server.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            server.getOutputStream().write(head);
            server.getOutputStream().flush();
            // The request body (if any) flows up while the response flows down, until the server closes.
            connections.submit(() -> pump(client.getInputStream(), server.getOutputStream()));
            forwardFinalResponseHead(server.getInputStream(), client.getOutputStream());
            pump(server.getInputStream(), client.getOutputStream());
        }
    }

    /**
     * Passes interim responses (100 Continue) through and tells the client, in the final
     * response's head, that the connection closes: a server need not say so itself, and a client
     * that is not told keeps the connection in its pool and later sends a request into a socket
     * this proxy has closed.
     */
    private static void forwardFinalResponseHead(InputStream server, OutputStream client) throws IOException {
        while (true) {
            byte[] head = readHead(server);
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            boolean interim = headText.startsWith("HTTP/1.1 1") || headText.startsWith("HTTP/1.0 1");
            client.write(interim || head.length == 0 ? head : withConnectionClose(headText));
            client.flush();
            if (!interim) {
                return;
            }
        }
    }

    private static Void pump(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read; (read = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (SocketException closedByTheOtherSide) {
            // the exchange is over
        }
        return null;
    }

    /** The request line and headers, up to and including the blank line. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next == -1) {
                return head.size() == 0 ? new byte[0] : head.toByteArray();
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return head.toByteArray();
    }

    private static RequestHead parse(String head) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ", 3);
        if (requestLine.length < 2) {
            throw new IllegalArgumentException("not an HTTP request line: " + lines[0]);
        }
        boolean hasBody = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:")
                    || (lower.startsWith("content-length:")
                            && !lower.substring(15).trim().equals("0"))) {
                hasBody = true;
            }
        }
        return new RequestHead(requestLine[0], requestLine[1], hasBody);
    }

    private static byte[] withConnectionClose(String head) {
        StringBuilder rewritten = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        return rewritten.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        connections.shutdownNow();
        connections.awaitTermination(5, TimeUnit.SECONDS);
    }
}
