package io.docindexer.bench;

import java.util.List;

/**
 * One format's rate from its timed rounds: the median round, so that one round slowed by the
 * shared machine's other work does not set the figure.
 */
record FormatThroughput(double filesPerSecond, double megabytesPerSecond, double medianSeconds) {

    private static final double BYTES_PER_MEGABYTE = 1_000_000.0;

    static FormatThroughput of(int filesPerRound, long bytesPerRound, List<Long> roundNanos) {
        if (roundNanos.isEmpty()) {
            throw new IllegalArgumentException("no timed rounds");
        }
        long[] sorted = roundNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int middle = sorted.length / 2;
        double medianNanos = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        double seconds = medianNanos / 1e9;
        return new FormatThroughput(filesPerRound / seconds, bytesPerRound / BYTES_PER_MEGABYTE / seconds, seconds);
    }
}
