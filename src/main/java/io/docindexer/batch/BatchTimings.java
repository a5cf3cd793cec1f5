package io.docindexer.batch;

import java.util.List;

/**
 * How long one batch has taken, and how much of it went to bulk requests and to early deletes,
 * for the metrics. Used by the thread running the batch only.
 */
final class BatchTimings {

    private final long started = System.nanoTime();
    private long indexNanos;
    private long deleteNanos;

    /** @param since when the bulk request started, from {@link System#nanoTime()} */
    void indexedSince(long since) {
        indexNanos += System.nanoTime() - since;
    }

    /** @param since when the early delete started, from {@link System#nanoTime()} */
    void deletedSince(long since) {
        deleteNanos += System.nanoTime() - since;
    }

    long millisSoFar() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    BatchSummary summary(List<RecordReport> reports) {
        return new BatchSummary(List.copyOf(reports), indexNanos / 1_000_000, deleteNanos / 1_000_000, millisSoFar());
    }
}
