package io.docindexer.chaos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of a chaos run: how the index compares with the bucket once the faults ended. */
public record ChaosReport(
        int docs,
        int indexed,
        int metadataOnly,
        int inDlq,
        int lost,
        int duplicates,
        int stale,
        long seconds,
        List<String> problems) {

    ChaosReport(int docs, ChaosAudit.Findings findings, long seconds) {
        this(
                docs,
                findings.indexed(),
                findings.metadataOnly(),
                findings.inDlq(),
                findings.lost(),
                findings.duplicates(),
                findings.stale(),
                seconds,
                List.copyOf(findings.problems()));
    }

    /** Nothing lost, duplicated or stale, and nothing left for an operator in the DLQ. */
    public boolean passed() {
        return lost == 0 && duplicates == 0 && stale == 0 && inDlq == 0;
    }

    /** One JSON object, the fields in a fixed order: the run's last line. */
    public String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("docs", docs);
        fields.put("indexed", indexed);
        fields.put("metadataOnly", metadataOnly);
        fields.put("inDlq", inDlq);
        fields.put("lost", lost);
        fields.put("duplicates", duplicates);
        fields.put("stale", stale);
        fields.put("seconds", seconds);
        try {
            return new ObjectMapper().writeValueAsString(fields);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
