package io.docindexer.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.batch.BatchObserver;
import io.docindexer.batch.BatchSummary;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordReport;
import io.docindexer.extract.MetadataOnlyReason;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format document per batch on stdout: Lambda ships stdout to
 * CloudWatch Logs, which turns the document into metrics without a PutMetricData call (no extra
 * latency, no extra IAM permission). Every metric is present in every document, zero included, so
 * dashboards show real zeros instead of gaps.
 */
public final class EmbeddedMetricsObserver implements BatchObserver {

    private static final String COUNT = "Count";
    private static final String MILLISECONDS = "Milliseconds";
    private static final String BYTES = "Bytes";

    private final ObjectMapper json;
    private final PrintStream out;
    private final Clock clock;
    private final String namespace;
    private final String dimensionName;
    private final String dimensionValue;

    public EmbeddedMetricsObserver(
            ObjectMapper json,
            PrintStream out,
            Clock clock,
            String namespace,
            String dimensionName,
            String dimensionValue) {
        this.json = json;
        this.out = out;
        this.clock = clock;
        this.namespace = namespace;
        this.dimensionName = dimensionName;
        this.dimensionValue = dimensionValue;
    }

    /** Nothing per record: metrics are per batch. */
    @Override
    public void onRecord(RecordReport report) {}

    @Override
    public void onBatch(BatchSummary summary) {
        Map<String, Metric> metrics = metricsOf(summary);
        ObjectNode document = json.createObjectNode();
        ObjectNode directive = json.createObjectNode();
        directive.put("Namespace", namespace);
        directive.putArray("Dimensions").addArray().add(dimensionName);
        ArrayNode definitions = directive.putArray("Metrics");
        metrics.forEach(
                (name, metric) -> definitions.addObject().put("Name", name).put("Unit", metric.unit()));
        ObjectNode aws = document.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        aws.putArray("CloudWatchMetrics").add(directive);
        document.put(dimensionName, dimensionValue);
        metrics.forEach((name, metric) -> document.put(name, metric.value()));
        print(document);
    }

    private record Metric(long value, String unit) {}

    private static Map<String, Metric> metricsOf(BatchSummary summary) {
        long pages = 0;
        long ocrPages = 0;
        long extractMillis = 0;
        long bytes = 0;
        Map<String, Long> metadataOnly = new LinkedHashMap<>();
        for (MetadataOnlyReason reason : MetadataOnlyReason.values()) {
            metadataOnly.put(reason.code(), 0L);
        }
        for (RecordReport report : summary.reports()) {
            for (ObjectSummary object : report.objects()) {
                pages += object.pages();
                ocrPages += object.ocrPages();
                extractMillis += object.extractMillis();
                bytes += object.bytes();
                if (object.status() == ObjectStatus.METADATA_ONLY) {
                    metadataOnly.merge(object.reason(), 1L, Long::sum);
                }
            }
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        long done = summary.count(RecordOutcome.Indexed.class)
                + summary.count(RecordOutcome.Skipped.class)
                + summary.count(RecordOutcome.Continued.class);
        metrics.put("RecordsDone", new Metric(done, COUNT));
        metrics.put("RecordsRetried", new Metric(summary.count(RecordOutcome.Redelivered.class), COUNT));
        metrics.put("RecordsBackedOff", new Metric(summary.count(RecordOutcome.BackedOff.class), COUNT));
        metrics.put("RecordsRejected", new Metric(summary.count(RecordOutcome.DeadLettered.class), COUNT));
        metadataOnly.forEach((reason, count) -> metrics.put("MetadataOnly." + reason, new Metric(count, COUNT)));
        metrics.put("PagesExtracted", new Metric(pages, COUNT));
        metrics.put("OcrPages", new Metric(ocrPages, COUNT));
        metrics.put("ExtractionMillis", new Metric(extractMillis, MILLISECONDS));
        metrics.put("IndexingMillis", new Metric(summary.indexMillis(), MILLISECONDS));
        metrics.put("BytesDownloaded", new Metric(bytes, BYTES));
        metrics.put("BatchMillis", new Metric(summary.millis(), MILLISECONDS));
        return metrics;
    }

    private void print(ObjectNode document) {
        try {
            out.println(json.writeValueAsString(document));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
