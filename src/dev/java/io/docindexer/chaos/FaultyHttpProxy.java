package io.docindexer.chaos;

import io.docindexer.local.InterceptingHttpProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A proxy in front of a local server that answers a seeded fraction of requests with S3's
 * {@code 503 SlowDown} and forwards the rest byte for byte. Pointing a client's endpoint at it
 * injects S3 faults with no test hook in production code.
 *
 * <p>Each request comes on a connection of its own (see {@link InterceptingHttpProxy}), so the
 * client can see a fault on any request. Only requests without a body are failed: refusing one
 * whose body is still in flight would reset the connection instead of answering.
 */
public final class FaultyHttpProxy implements AutoCloseable {

    private static final byte[] SLOW_DOWN = slowDown();

    private final Random random;
    private final AtomicLong failed = new AtomicLong();
    private volatile double failureRate;
    private final InterceptingHttpProxy proxy;

    private FaultyHttpProxy(URI upstream, long seed, double failureRate) throws IOException {
        this.random = new Random(seed);
        this.failureRate = failureRate;
        this.proxy = InterceptingHttpProxy.start(upstream, this::answer, "faulty-proxy");
    }

    /** Listens on a free loopback port and forwards to {@code upstream} ({@code http://host:port}). */
    public static FaultyHttpProxy start(URI upstream, long seed, double failureRate) throws IOException {
        return new FaultyHttpProxy(upstream, seed, failureRate);
    }

    public URI endpoint() {
        return proxy.endpoint();
    }

    /** Changes the fraction of requests answered with 503 SlowDown; 0 forwards everything. */
    public void failureRate(double rate) {
        this.failureRate = rate;
    }

    public long failed() {
        return failed.get();
    }

    private Optional<byte[]> answer(InterceptingHttpProxy.RequestHead head) {
        if (!head.hasBody() && shouldFail()) {
            failed.incrementAndGet();
            return Optional.of(SLOW_DOWN);
        }
        return Optional.empty();
    }

    private synchronized boolean shouldFail() {
        return random.nextDouble() < failureRate;
    }

    private static byte[] slowDown() {
        byte[] body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>\
                <RequestId>faulty-http-proxy</RequestId></Error>""".getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] response = new byte[head.length + body.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(body, 0, response, head.length, body.length);
        return response;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        proxy.close();
    }
}
