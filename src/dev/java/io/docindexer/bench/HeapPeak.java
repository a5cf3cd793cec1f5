package io.docindexer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use while it runs, sampled every few milliseconds (used, not committed:
 * what the work needed, not what the collector chose to reserve). Sampling can miss a spike
 * shorter than its period; page images live for seconds, so it does not miss them.
 */
final class HeapPeak implements AutoCloseable {

    private static final long PERIOD_MILLIS = 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-peak");
        thread.setDaemon(true);
        return thread;
    });

    HeapPeak() {
        sampler.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    long peakBytes() {
        sample();
        return peak.get();
    }

    private void sample() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
