package io.docindexer.chaos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a chaos run: how the index compares with the workload once the faults ended,
 * how often messages were delivered, and how often each fault fired.
 *
 * @param inDlq messages in the DLQ
 * @param poisonInDlq poison documents whose event is in the DLQ
 * @param lost keys without their last operation (and not in the DLQ), and messages that left the
 *     queue without an acknowledged outcome
 * @param problems every finding that fails the run, one line each
 */
public record ChaosReport(
        int docs,
        int poison,
        int indexed,
        int metadataOnly,
        int tombstones,
        int inDlq,
        int poisonInDlq,
        int lost,
        int duplicates,
        int stale,
        double receivesPerMessage,
        Map<String, Integer> faults,
        long seconds,
        List<String> problems) {

    /** Nothing lost, duplicated, stale or without its text; exactly the poison in the DLQ; every fault fired. */
    public boolean passed() {
        return lost == 0
                && duplicates == 0
                && stale == 0
                && metadataOnly == 0
                && inDlq == poison
                && poisonInDlq == poison
                && problems.isEmpty();
    }

    /** One JSON object, the fields in a fixed order: the run's last line. */
    public String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("docs", docs);
        fields.put("poison", poison);
        fields.put("indexed", indexed);
        fields.put("metadataOnly", metadataOnly);
        fields.put("tombstones", tombstones);
        fields.put("inDlq", inDlq);
        fields.put("poisonInDlq", poisonInDlq);
        fields.put("lost", lost);
        fields.put("duplicates", duplicates);
        fields.put("stale", stale);
        fields.put("receivesPerMessage", Math.round(receivesPerMessage * 100) / 100.0);
        fields.put("faults", faults);
        fields.put("seconds", seconds);
        fields.put("passed", passed());
        try {
            return new ObjectMapper().writeValueAsString(fields);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
