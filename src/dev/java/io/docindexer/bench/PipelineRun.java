package io.docindexer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * What one pipeline pass measured: throughput from the poller's start (the events already queued)
 * to the last document searchable, each document's latency from its event being sent to it being
 * searchable, and the pages the function's log lines report for the documents.
 */
record PipelineRun(
        int docs,
        int searchable,
        long indexCount,
        double docsPerMinute,
        long p50Millis,
        long p99Millis,
        long pages,
        long ocrPages) {

    /** The pass over these document ids, sent at {@code sentAtNanos} (same order). */
    static PipelineRun of(
            List<String> documentIds,
            long startedNanos,
            long finishedNanos,
            long[] sentAtNanos,
            SearchableWatcher watcher,
            long indexCount,
            long pages,
            long ocrPages) {
        int docs = documentIds.size();
        long[] latencies = new long[docs];
        int searchable = 0;
        for (int i = 0; i < docs; i++) {
            Long at = watcher.searchableAtNanos(documentIds.get(i));
            latencies[i] = at == null ? Long.MAX_VALUE : (at - sentAtNanos[i]) / 1_000_000;
            searchable += at == null ? 0 : 1;
        }
        Arrays.sort(latencies);
        double perMinute = searchable * 60e9 / (finishedNanos - startedNanos);
        return new PipelineRun(
                docs,
                searchable,
                indexCount,
                perMinute,
                percentile(latencies, 50),
                percentile(latencies, 99),
                pages,
                ocrPages);
    }

    boolean complete() {
        return searchable == docs && indexCount == docs;
    }

    /**
     * The benchmark's JSON line. A run in which some documents never became searchable, or the
     * index does not hold exactly the documents sent, prints {@code complete: false} and no rate,
     * latency, overhead or cost (null): a figure over part of the documents is not the pipeline's.
     */
    ObjectNode json(ExtractOnlyJvm.Result extractOnly, double drainOnlyPerMinute, FunctionWork function) {
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("docs", docs);
        line.put("complete", complete());
        line.put("searchable", searchable);
        line.put("indexCount", indexCount);
        line.put("pages", pages);
        line.put("ocrPages", ocrPages);
        line.put("extractOnlyPerMinute", Math.round(extractOnly.docsPerMinute()));
        line.put("drainOnlyPerMinute", Math.round(drainOnlyPerMinute));
        double extractCpuMsPerDoc = extractOnly.cpuNanos() / 1e6 / docs;
        double handlerCpuMsPerDoc = function.cpuNanos() / 1e6 / docs;
        line.put("extractCpuMsPerDoc", BenchReport.round(extractCpuMsPerDoc));
        if (!complete()) {
            for (String figure : List.of(
                    "docsPerMinute",
                    "pagesPerMinute",
                    "ratio",
                    "p50Millis",
                    "p99Millis",
                    "handlerCpuMsPerDoc",
                    "overhead",
                    "usdPer1000Docs",
                    "managedOcrUsdPer1000Docs")) {
                line.putNull(figure);
            }
            return line;
        }
        line.put("docsPerMinute", Math.round(docsPerMinute));
        line.put("pagesPerMinute", Math.round(docsPerMinute * pages / docs));
        line.put("ratio", BenchReport.round(docsPerMinute / extractOnly.docsPerMinute()));
        line.put("p50Millis", p50Millis);
        line.put("p99Millis", p99Millis);
        line.put("handlerCpuMsPerDoc", BenchReport.round(handlerCpuMsPerDoc));
        line.put("overhead", BenchReport.round(handlerCpuMsPerDoc / extractCpuMsPerDoc));
        line.put("functionSecondsPerDoc", BenchReport.round(function.billedSeconds() / docs));
        line.put("invocations", function.invocations());
        line.put("memoryMB", LambdaPricing.MEMORY_MB);
        line.put(
                "usdPer1000Docs",
                cents(LambdaPricing.usdPer1000Docs(function.billedSeconds(), function.invocations(), docs)));
        line.put("managedOcrUsdPer1000Docs", cents(LambdaPricing.managedOcrUsdPer1000Docs(pages, docs)));
        line.put("pricesAsOf", LambdaPricing.PRICES_AS_OF);
        return line;
    }

    /** Dollars to a thousandth of a cent: a thousand small documents cost well under a cent. */
    private static double cents(double usd) {
        return Math.round(usd * 100_000) / 100_000.0;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
