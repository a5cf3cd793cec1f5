package io.docindexer.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query times of one layout: the server's {@code took} (ms) and the client's round trip (µs). */
final class LatencySample {

    private final List<Long> tookMillis = new ArrayList<>();
    private final List<Long> clientMicros = new ArrayList<>();

    void add(long took, long client) {
        tookMillis.add(took);
        clientMicros.add(client);
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tookMedianMs", percentile(tookMillis, 50));
        summary.put("tookP95Ms", percentile(tookMillis, 95));
        summary.put("clientMedianMs", percentile(clientMicros, 50) / 1000.0);
        summary.put("clientP95Ms", percentile(clientMicros, 95) / 1000.0);
        return summary;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
