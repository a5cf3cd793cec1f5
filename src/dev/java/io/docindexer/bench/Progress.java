package io.docindexer.bench;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One progress line on stderr, redrawn every second while a phase runs: "done/total (rate)". Kept
 * off stdout so that a benchmark's last stdout line stays its JSON result.
 */
final class Progress implements AutoCloseable {

    private final PrintStream err;
    private final String phase;
    private final int total;
    private final IntSupplier done;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress");
        thread.setDaemon(true);
        return thread;
    });

    Progress(PrintStream err, String phase, int total, IntSupplier done) {
        this.err = err;
        this.phase = phase;
        this.total = total;
        this.done = done;
        ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    private void print() {
        int count = done.getAsInt();
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
        err.printf("\r  %s: %d/%d (%.0f/s, %.0f/min)   ", phase, count, total, count / seconds, count * 60 / seconds);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        print();
        err.println();
    }
}
