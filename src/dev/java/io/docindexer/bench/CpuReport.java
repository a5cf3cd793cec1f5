package io.docindexer.bench;

import io.docindexer.local.OpenSearchServer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * CPU time per document in each phase of {@code bench pipeline}, split between this JVM (the
 * handler, the poller, ElasticMQ, S3Proxy and the benchmark's own clients all run in it) and the
 * OpenSearch processes, and how busy the phase kept the cores. A phase that keeps every core busy
 * runs at about cores ÷ its CPU per document; no phase can beat that.
 */
final class CpuReport {

    private record Sample(long wallNanos, long jvmNanos, Map<Long, Long> openSearchNanosByPid) {}

    private record Phase(int docs, long wallNanos, long jvmNanos, long openSearchNanos) {
        @Override
        public String toString() {
            double busy = (jvmNanos + openSearchNanos)
                    / (double) wallNanos
                    / Runtime.getRuntime().availableProcessors();
            return String.format(
                    "%.1f ms (this JVM %.1f + OpenSearch %.1f), cores %.0f%% busy",
                    perDoc(jvmNanos + openSearchNanos), perDoc(jvmNanos), perDoc(openSearchNanos), busy * 100);
        }

        private double perDoc(long nanos) {
            return nanos / 1e6 / docs;
        }
    }

    private final OpenSearchServer openSearch;
    private final Map<String, Phase> phases = new LinkedHashMap<>();

    CpuReport(OpenSearchServer openSearch) {
        this.openSearch = openSearch;
    }

    /** Runs one phase over {@code docs} documents and keeps the CPU time it took. */
    <T> T measure(String phase, int docs, Callable<T> work) throws Exception {
        Sample before = sample();
        T result = work.call();
        Sample after = sample();
        long openSearchNanos = 0;
        // Only processes alive at both ends: one that exited in between reads as 0, not as a negative time.
        for (Map.Entry<Long, Long> process : after.openSearchNanosByPid().entrySet()) {
            Long earlier = before.openSearchNanosByPid().get(process.getKey());
            openSearchNanos += earlier == null ? 0 : process.getValue() - earlier;
        }
        phases.put(
                phase,
                new Phase(
                        docs,
                        after.wallNanos() - before.wallNanos(),
                        after.jvmNanos() - before.jvmNanos(),
                        openSearchNanos));
        return result;
    }

    /** For example {@code extract-only 1.6 ms (this JVM 1.6 + OpenSearch 0.0), cores 99% busy; pipeline ...}. */
    @Override
    public String toString() {
        StringJoiner line = new StringJoiner("; ");
        phases.forEach((name, phase) -> line.add(name + " " + phase));
        return line.toString();
    }

    private Sample sample() {
        Map<Long, Long> openSearchNanos = new HashMap<>();
        for (ProcessHandle process : openSearch.processes()) {
            openSearchNanos.put(process.pid(), CpuClock.processNanos(process.pid()));
        }
        return new Sample(System.nanoTime(), CpuClock.ownNanos(), openSearchNanos);
    }
}
