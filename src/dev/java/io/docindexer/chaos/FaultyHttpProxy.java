package io.docindexer.chaos;

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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP proxy in front of a local server that answers a seeded fraction of requests with
 * S3's {@code 503 SlowDown} and forwards the rest byte for byte. Pointing a client's endpoint at
 * it injects S3 faults with no test hook in production code.
 *
 * <p>Each client connection carries one request: the proxy adds {@code Connection: close} to what
 * it forwards, so the server ends the exchange and the client opens a new connection for the next
 * request (and so can see the next fault). Forwarding is raw, so signatures, {@code Expect:
 * 100-continue} and streamed bodies pass untouched. Only requests without a body are failed:
 * refusing one whose body is still in flight would reset the connection instead of answering.
 */
public final class FaultyHttpProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int SOCKET_TIMEOUT_MILLIS = 60_000;
    private static final String SLOW_DOWN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>\
            <RequestId>faulty-http-proxy</RequestId></Error>""";

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(daemon("faulty-proxy"));
    private final Random random;
    private final AtomicLong failed = new AtomicLong();
    private volatile double failureRate;

    private FaultyHttpProxy(URI upstream, long seed, double failureRate) throws IOException {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        this.random = new Random(seed);
        this.failureRate = failureRate;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread acceptor = daemon("faulty-proxy-accept").newThread(this::acceptUntilClosed);
        acceptor.start();
    }

    /** Listens on a free loopback port and forwards to {@code upstream} ({@code http://host:port}). */
    public static FaultyHttpProxy start(URI upstream, long seed, double failureRate) throws IOException {
        return new FaultyHttpProxy(upstream, seed, failureRate);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Changes the fraction of requests answered with 503 SlowDown; 0 forwards everything. */
    public void failureRate(double rate) {
        this.failureRate = rate;
    }

    public long failed() {
        return failed.get();
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
            if (!hasBody(headText) && shouldFail()) {
                failed.incrementAndGet();
                slowDown(client.getOutputStream());
                return;
            }
            forward(client, withConnectionClose(headText));
        } catch (IOException | RuntimeException e) {
            // The client sees a reset or a timeout: one more kind of S3 trouble it must survive.
        }
    }

    private synchronized boolean shouldFail() {
        return random.nextDouble() < failureRate;
    }

    private void forward(Socket client, byte[] head) throws IOException {
        try (Socket server = new Socket()) {
            server.connect(upstream, SOCKET_TIMEOUT_MILLIS);
            server.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            server.getOutputStream().write(head);
            server.getOutputStream().flush();
            // The request body (if any) flows up while the response flows down, until the server closes.
            connections.submit(() -> pump(client.getInputStream(), server.getOutputStream()));
            pump(server.getInputStream(), client.getOutputStream());
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

    private static boolean hasBody(String head) {
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:")
                    || (lower.startsWith("content-length:") && !lower.substring(15).trim().equals("0"))) {
                return true;
            }
        }
        return false;
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

    private static void slowDown(OutputStream out) throws IOException {
        byte[] body = SLOW_DOWN.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
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
