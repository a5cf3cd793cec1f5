package io.docindexer.chaos;

import io.docindexer.local.OpenSearchServer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops OpenSearch once, keeps it down for a while, and starts it again on the same port with the
 * same data, in the background so that events keep arriving during the outage. Closing waits for
 * the restart, so the server is always up again afterwards.
 */
final class OpenSearchOutage implements AutoCloseable {

    /** Stopping and starting OpenSearch each take up to half a minute on a busy machine; allow plenty. */
    private static final Duration RESTART_ALLOWANCE = Duration.ofMinutes(4);

    private final OpenSearchServer server;
    private final Duration downFor;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "opensearch-outage");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> outage;
    private volatile String state = "up";

    OpenSearchOutage(OpenSearchServer server, Duration downFor) {
        this.server = server;
        this.downFor = downFor;
    }

    /** Starts the outage unless it has started already (or none is planned). */
    synchronized void beginOnce() {
        if (outage != null || downFor.isZero()) {
            return;
        }
        outage = background.submit(() -> {
            state = "stopping";
            server.stop();
            state = "down";
            Thread.sleep(downFor.toMillis());
            state = "restarting";
            server.start();
            state = "up again";
            return null;
        });
    }

    /** Waits until the server is back up, or fails after a generous deadline. */
    synchronized void awaitEnd() throws InterruptedException {
        if (outage == null) {
            return;
        }
        try {
            outage.get(downFor.plus(RESTART_ALLOWANCE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(
                    "the OpenSearch outage could not be ended: " + failed.getCause(), failed.getCause());
        } catch (TimeoutException stuck) {
            throw new IllegalStateException("OpenSearch was not back within "
                    + downFor.plus(RESTART_ALLOWANCE).toSeconds() + " s");
        }
    }

    /** Whether the outage began (and, once {@link #awaitEnd()} returned, ended). */
    synchronized boolean hasRun() {
        return outage != null;
    }

    String state() {
        return state;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            awaitEnd();
        } finally {
            background.shutdownNow();
            if (!server.isRunning()) {
                server.start();
            }
        }
    }
}
