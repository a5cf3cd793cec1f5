package io.docindexer.observe;

import io.docindexer.batch.BatchObserver;
import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs one line per object (or per record with no object) with the message id, bucket, key and
 * outcome: enough to find a document's story in CloudWatch Logs, never any of its content. The
 * lines of a record that will be redelivered are warnings; a backed-off record's also say for how
 * many seconds it is hidden ({@code backoffSeconds}).
 */
public final class LoggingObserver implements BatchObserver {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingObserver.class);

    @Override
    public void onRecord(RecordReport report) {
        String message = "record " + report.outcome().getClass().getSimpleName().toLowerCase();
        if (report.objects().isEmpty()) {
            line(report).log(message);
        }
        for (ObjectSummary object : report.objects()) {
            LoggingEventBuilder line = line(report)
                    .addKeyValue("bucket", object.bucket())
                    .addKeyValue("key", object.key())
                    .addKeyValue("status", object.status().code());
            if (object.reason() != null) {
                line.addKeyValue("reason", object.reason());
            }
            line.addKeyValue("pages", object.pages())
                    .addKeyValue("ocrPages", object.ocrPages())
                    .addKeyValue("chars", object.chars())
                    .addKeyValue("bytes", object.bytes())
                    .addKeyValue("extractMillis", object.extractMillis())
                    .log(message);
        }
    }

    private static LoggingEventBuilder line(RecordReport report) {
        RecordOutcome outcome = report.outcome();
        LoggingEventBuilder line = LOG.atLevel(outcome instanceof RecordOutcome.Redelivered ? Level.WARN : Level.INFO)
                .addKeyValue("messageId", outcome.messageId())
                .addKeyValue("outcome", outcome.getClass().getSimpleName())
                .addKeyValue("detail", outcome.detail());
        if (outcome instanceof RecordOutcome.BackedOff backedOff) {
            line.addKeyValue("backoffSeconds", backedOff.invisibleFor().toSeconds());
        }
        return line.addKeyValue("batchMillis", report.millis());
    }
}
