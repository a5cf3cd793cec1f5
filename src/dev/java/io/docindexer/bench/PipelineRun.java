package io.docindexer.bench;

import io.docindexer.index.DocumentId;
import io.docindexer.local.LocalServers;
import java.util.Arrays;

/**
 * What one pipeline pass measured: throughput from the poller's start (the events already queued)
 * to the last document searchable, and each document's latency from its event being sent to it
 * being searchable.
 */
record PipelineRun(int docs, int searchable, long indexCount, double docsPerMinute, long p50Millis, long p99Millis) {

    static PipelineRun of(
            int docs,
            long startedNanos,
            long finishedNanos,
            long[] sentAtNanos,
            SearchableWatcher watcher,
            long indexCount) {
        long[] latencies = new long[docs];
        int searchable = 0;
        for (int i = 0; i < docs; i++) {
            Long at = watcher.searchableAtNanos(
                    DocumentId.of(LocalServers.BUCKET, BenchDocuments.key(BenchDocuments.TIMED, i)));
            latencies[i] = at == null ? Long.MAX_VALUE : (at - sentAtNanos[i]) / 1_000_000;
            searchable += at == null ? 0 : 1;
        }
        Arrays.sort(latencies);
        double perMinute = searchable * 60e9 / (finishedNanos - startedNanos);
        return new PipelineRun(
                docs, searchable, indexCount, perMinute, percentile(latencies, 50), percentile(latencies, 99));
    }

    boolean complete() {
        return searchable == docs && indexCount == docs;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
