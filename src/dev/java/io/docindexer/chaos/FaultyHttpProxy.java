package io.docindexer.chaos;

import io.docindexer.local.InterceptingHttpProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A proxy in front of a local server that answers requests with S3's {@code 503 SlowDown} in
 * bursts and forwards the rest byte for byte. Pointing a client's endpoint at it injects S3
 * faults with no test hook in production code.
 *
 * <p>A seeded fraction of requests starts a burst: that request and the next {@value #BURST} - 1
 * to the same target fail. The SDK retries a throttled request on its own (3 attempts in its
 * standard mode), so single failures would almost never reach the handler; a burst outlasts the
 * retries, and the handler must deal with S3 throttling itself.
 *
 * <p>Each request comes on a connection of its own (see {@link InterceptingHttpProxy}), so the
 * client can see a fault on any request. Only requests without a body are failed: refusing one
 * whose body is still in flight would reset the connection instead of answering.
 */
public final class FaultyHttpProxy implements AutoCloseable {

    private static final byte[] SLOW_DOWN = slowDown();
    /** More failures in a row than the SDK's attempts at one request. */
    private static final int BURST = 5;

    private final Random random;
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, Integer> burstLeft = new HashMap<>();
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

    /** Changes the fraction of requests that start a burst of 503 SlowDown; 0 forwards everything. */
    public void failureRate(double rate) {
        this.failureRate = rate;
    }

    public long failed() {
        return failed.get();
    }

    private Optional<byte[]> answer(InterceptingHttpProxy.RequestHead head) {
        if (!head.hasBody() && shouldFail(head.target())) {
            failed.incrementAndGet();
            return Optional.of(SLOW_DOWN);
        }
        return Optional.empty();
    }

    private synchronized boolean shouldFail(String target) {
        if (failureRate == 0) {
            burstLeft.clear();
            return false;
        }
        int left = burstLeft.getOrDefault(target, 0);
        if (left > 0) {
            burstLeft.put(target, left - 1);
            return true;
        }
        if (random.nextDouble() < failureRate) {
            burstLeft.put(target, BURST - 1);
            return true;
        }
        return false;
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
