package io.docindexer.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * CPU time per document in each phase of {@code bench pipeline}, split between groups of
 * processes (the servers' JVM, the function processes, OpenSearch), read from {@code /proc}
 * around the phase, and how busy the phase kept the cores. A phase that keeps every core busy
 * runs at about cores ÷ its CPU per document; no phase can beat that.
 */
final class CpuReport {

    /** Some processes, named as the report names them; the supplier gives their ids when asked. */
    record Group(String name, Supplier<Collection<Long>> pids) {}

    private record Phase(int docs, long wallNanos, Map<String, Long> nanosByGroup) {

        long totalNanos() {
            return nanosByGroup.values().stream().mapToLong(Long::longValue).sum();
        }

        double perDocMillis(long nanos) {
            return nanos / 1e6 / docs;
        }

        @Override
        public String toString() {
            StringJoiner groups = new StringJoiner(" + ", " (", ")");
            nanosByGroup.forEach((group, nanos) -> groups.add(String.format("%s %.1f", group, perDocMillis(nanos))));
            double busy =
                    totalNanos() / (double) wallNanos / Runtime.getRuntime().availableProcessors();
            return String.format("%.1f ms%s, cores %.0f%% busy", perDocMillis(totalNanos()), groups, busy * 100);
        }
    }

    private final List<Group> groups;
    private final Map<String, Phase> phases = new LinkedHashMap<>();

    CpuReport(List<Group> groups) {
        this.groups = groups;
    }

    /** Runs one phase over {@code docs} documents and keeps the CPU time each group took. */
    <T> T measure(String phase, int docs, Callable<T> work) throws Exception {
        long started = System.nanoTime();
        Map<String, Map<Long, Long>> before = sample();
        T result = work.call();
        Map<String, Map<Long, Long>> after = sample();
        Map<String, Long> nanosByGroup = new LinkedHashMap<>();
        for (Group group : groups) {
            nanosByGroup.put(group.name(), elapsed(before.get(group.name()), after.get(group.name())));
        }
        phases.put(phase, new Phase(docs, System.nanoTime() - started, nanosByGroup));
        return result;
    }

    /** The CPU time one group took in one phase. */
    long nanos(String phase, String group) {
        return phases.get(phase).nanosByGroup().get(group);
    }

    /** For example {@code pipeline 7.1 ms (servers 2.0 + function 3.0 + OpenSearch 2.1), cores 95% busy; ...}. */
    @Override
    public String toString() {
        StringJoiner line = new StringJoiner("; ");
        phases.forEach((name, phase) -> line.add(name + " " + phase));
        return line.toString();
    }

    private Map<String, Map<Long, Long>> sample() {
        Map<String, Map<Long, Long>> nanosByPidByGroup = new HashMap<>();
        for (Group group : groups) {
            Map<Long, Long> nanosByPid = new HashMap<>();
            for (long pid : group.pids().get()) {
                nanosByPid.put(pid, CpuClock.processNanos(pid));
            }
            nanosByPidByGroup.put(group.name(), nanosByPid);
        }
        return nanosByPidByGroup;
    }

    /** Only processes alive at both ends: one that exited in between reads as 0, not as a negative time. */
    private static long elapsed(Map<Long, Long> before, Map<Long, Long> after) {
        long nanos = 0;
        for (Map.Entry<Long, Long> process : after.entrySet()) {
            Long earlier = before.get(process.getKey());
            nanos += earlier == null ? 0 : process.getValue() - earlier;
        }
        return nanos;
    }
}
