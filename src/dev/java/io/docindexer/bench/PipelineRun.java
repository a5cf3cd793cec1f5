package io.docindexer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * The benchmark's JSON line. A run in which some documents never became searchable, or the
     * index does not hold exactly the documents sent, prints {@code complete: false} and no rate or
     * latencies (null): a rate over part of the documents is not the pipeline's rate.
     */
    ObjectNode json(double extractOnlyPerMinute, double drainOnlyPerMinute) {
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("docs", docs);
        line.put("complete", complete());
        line.put("searchable", searchable);
        line.put("indexCount", indexCount);
        if (complete()) {
            line.put("docsPerMinute", Math.round(docsPerMinute));
        } else {
            line.putNull("docsPerMinute");
        }
        line.put("extractOnlyPerMinute", Math.round(extractOnlyPerMinute));
        line.put("drainOnlyPerMinute", Math.round(drainOnlyPerMinute));
        if (complete()) {
            line.put("ratio", Math.round(docsPerMinute / extractOnlyPerMinute * 1000) / 1000.0);
            line.put("p50Millis", p50Millis);
            line.put("p99Millis", p99Millis);
        } else {
            line.putNull("ratio");
            line.putNull("p50Millis");
            line.putNull("p99Millis");
        }
        return line;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
