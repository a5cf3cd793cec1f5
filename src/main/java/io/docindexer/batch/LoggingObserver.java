package io.docindexer.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * Writes one JSON line per object (or per record with no object) with the message id, bucket, key
 * and outcome: enough to find a document's story in CloudWatch Logs, never any of its content.
 */
public final class LoggingObserver implements BatchObserver {

    private final ObjectMapper json;
    private final PrintStream out;

    public LoggingObserver(ObjectMapper json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    @Override
    public void onRecord(RecordReport report) {
        if (report.objects().isEmpty()) {
            print(line(report));
        }
        for (ObjectSummary object : report.objects()) {
            ObjectNode line = line(report);
            line.put("bucket", object.bucket());
            line.put("key", object.key());
            line.put("status", object.status().code());
            if (object.reason() != null) {
                line.put("reason", object.reason());
            }
            line.put("pages", object.pages());
            line.put("ocrPages", object.ocrPages());
            line.put("chars", object.chars());
            line.put("bytes", object.bytes());
            line.put("extractMillis", object.extractMillis());
            print(line);
        }
    }

    private ObjectNode line(RecordReport report) {
        RecordOutcome outcome = report.outcome();
        ObjectNode line = json.createObjectNode();
        line.put("level", outcome instanceof RecordOutcome.Done ? "INFO" : "WARN");
        line.put("message", "record " + outcome.getClass().getSimpleName().toLowerCase());
        line.put("messageId", outcome.messageId());
        line.put("outcome", outcome.getClass().getSimpleName());
        line.put("detail", outcome.detail());
        line.put("batchMillis", report.millis());
        return line;
    }

    private void print(ObjectNode line) {
        try {
            out.println(json.writeValueAsString(line));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
