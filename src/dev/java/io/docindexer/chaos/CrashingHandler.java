package io.docindexer.chaos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a handler so that a seeded fraction of invocations "crash": the poller is told the
 * invocation died part-way (an exception, which it treats as a failed batch: it deletes nothing
 * and every message not already deleted reappears after the visibility timeout).
 *
 * <p>The chaos run also kills the function's process for real ({@link KillableFunction}); this is
 * the harsher fault beside it: the abandoned invocation keeps running and may still write and
 * delete records while their redelivered copies are being processed (the same event handled twice
 * at the same time), and its response, when it comes, is lost.
 */
public final class CrashingHandler implements RequestStreamHandler, AutoCloseable {

    /** The latest point in an invocation at which a crash is injected. */
    private static final long MAX_CRASH_AFTER_MILLIS = 1_500;

    private static final long ABANDONED_WORK_TIMEOUT_SECONDS = 120;

    private final RequestStreamHandler handler;
    private final Random random;
    private final ExecutorService invocations = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "crashing-handler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger crashes = new AtomicInteger();
    private volatile double crashRate;

    public CrashingHandler(RequestStreamHandler handler, long seed, double crashRate) {
        this.handler = handler;
        this.random = new Random(seed);
        this.crashRate = crashRate;
    }

    /** Changes the fraction of invocations that crash; 0 lets every invocation finish. */
    public void crashRate(double rate) {
        this.crashRate = rate;
    }

    public int crashes() {
        return crashes.get();
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        long crashAfterMillis = crashAfterMillis();
        if (crashAfterMillis < 0) {
            handler.handleRequest(event, response, context);
            return;
        }
        byte[] payload = event.readAllBytes();
        Future<?> invocation = invocations.submit(() -> {
            handler.handleRequest(new ByteArrayInputStream(payload), OutputStream.nullOutputStream(), context);
            return null;
        });
        try {
            invocation.get(crashAfterMillis, TimeUnit.MILLISECONDS);
            // Finished in time, but the response is lost with the container: everything is redelivered.
        } catch (TimeoutException | ExecutionException abandoned) {
            // Abandoned part-way (or it failed): whatever it has not deleted yet is redelivered.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        crashes.incrementAndGet();
        throw new SimulatedCrashException("invocation killed " + crashAfterMillis + " ms in (simulated)");
    }

    /** -1 for no crash, else when to crash; drawn together so the sequence depends on the seed alone. */
    private synchronized long crashAfterMillis() {
        boolean crash = random.nextDouble() < crashRate;
        long after = (long) (random.nextDouble() * MAX_CRASH_AFTER_MILLIS);
        return crash ? after : -1;
    }

    /** Waits (bounded) for abandoned invocations, so nothing writes after the run is checked. */
    @Override
    public void close() throws InterruptedException {
        invocations.shutdown();
        if (!invocations.awaitTermination(ABANDONED_WORK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            invocations.shutdownNow();
            throw new IllegalStateException(
                    "abandoned invocations still running after " + ABANDONED_WORK_TIMEOUT_SECONDS + " s");
        }
    }

    /** What the poller sees from a crashed invocation. */
    public static final class SimulatedCrashException extends RuntimeException {
        SimulatedCrashException(String message) {
            super(message);
        }
    }
}
