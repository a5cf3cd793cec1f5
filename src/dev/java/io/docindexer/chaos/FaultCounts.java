package io.docindexer.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often each kind of fault was injected or happened. The kinds a run plans are declared
 * first: one that never fired is a fault the run did not test, and fails it.
 */
final class FaultCounts {

    static final String OPENSEARCH_OUTAGE = "openSearchOutage";
    static final String S3_SLOW_DOWN = "s3SlowDown";
    static final String S3_FAULT_REACHED_HANDLER = "s3FaultReachedHandler";
    static final String INVOCATION_ABANDONED = "invocationAbandoned";
    static final String RUNTIME_KILLED = "runtimeKilled";
    static final String RUNTIME_OUT_OF_MEMORY = "runtimeOutOfMemory";
    static final String DUPLICATE_EVENT = "duplicateEvent";
    static final String REORDERED_WINDOW = "reorderedWindow";

    private final Map<String, AtomicInteger> counts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Boolean> planned = new ConcurrentHashMap<>();

    /** A kind this run injects: it must fire at least once. */
    void plan(String kind) {
        planned.put(kind, true);
        counter(kind);
    }

    void add(String kind, int times) {
        counter(kind).addAndGet(times);
    }

    void fired(String kind) {
        add(kind, 1);
    }

    /** How often the kind fired so far; asking does not add the kind to the report. */
    int count(String kind) {
        synchronized (counts) {
            AtomicInteger count = counts.get(kind);
            return count == null ? 0 : count.get();
        }
    }

    private AtomicInteger counter(String kind) {
        synchronized (counts) {
            return counts.computeIfAbsent(kind, ignored -> new AtomicInteger());
        }
    }

    /** Kind to count, in the order the kinds were first named. */
    Map<String, Integer> asMap() {
        Map<String, Integer> copy = new LinkedHashMap<>();
        synchronized (counts) {
            counts.forEach((kind, count) -> copy.put(kind, count.get()));
        }
        return copy;
    }

    /** The planned kinds that never fired. */
    List<String> neverFired() {
        List<String> silent = new ArrayList<>();
        asMap().forEach((kind, count) -> {
            if (planned.containsKey(kind) && count == 0) {
                silent.add(kind);
            }
        });
        return silent;
    }
}
