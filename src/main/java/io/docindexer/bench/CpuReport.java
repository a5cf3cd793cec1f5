package io.docindexer.bench;

import io.docindexer.local.OpenSearchServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * CPU time per document in each phase of {@code bench pipeline}, split between this JVM (the
 * handler, the poller, ElasticMQ, S3Proxy and the benchmark's own clients all run in it) and the
 * OpenSearch process. With every core busy, a phase's rate is bounded by cores ÷ its CPU per
 * document, so the ratio of two phases' CPU per document bounds the ratio of their rates.
 */
final class CpuReport {

    private record Use(long jvmNanos, long openSearchNanos) {
        Use since(Use earlier) {
            return new Use(jvmNanos - earlier.jvmNanos, openSearchNanos - earlier.openSearchNanos);
        }
    }

    private record Phase(Use use, int docs) {}

    private final OpenSearchServer openSearch;
    private final Map<String, Phase> phases = new LinkedHashMap<>();

    CpuReport(OpenSearchServer openSearch) {
        this.openSearch = openSearch;
    }

    /** Runs one phase over {@code docs} documents and keeps the CPU time it took. */
    <T> T measure(String phase, int docs, Callable<T> work) throws Exception {
        Use before = now();
        T result = work.call();
        phases.put(phase, new Phase(now().since(before), docs));
        return result;
    }

    /** For example {@code extract-only 1.6 ms (this JVM 1.6 + OpenSearch 0.0); pipeline ...}. */
    @Override
    public String toString() {
        StringJoiner line = new StringJoiner("; ");
        phases.forEach((name, phase) -> line.add(String.format("%s %.1f ms (this JVM %.1f + OpenSearch %.1f)", name,
                millisPerDoc(phase.use.jvmNanos + phase.use.openSearchNanos, phase.docs),
                millisPerDoc(phase.use.jvmNanos, phase.docs), millisPerDoc(phase.use.openSearchNanos, phase.docs))));
        return line.toString();
    }

    private static double millisPerDoc(long nanos, int docs) {
        return nanos / 1e6 / docs;
    }

    private Use now() {
        long openSearchNanos = 0;
        for (ProcessHandle process : openSearch.processes()) {
            openSearchNanos += CpuClock.processNanos(process.pid());
        }
        return new Use(CpuClock.ownNanos(), openSearchNanos);
    }
}
