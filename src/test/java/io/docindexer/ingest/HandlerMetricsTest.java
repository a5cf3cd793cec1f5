package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.BatchProcessor;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.Preparation;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordPreparer;
import io.docindexer.batch.SourceQueue;
import io.docindexer.batch.SqsMessages;
import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import io.docindexer.local.LocalContext;
import io.docindexer.observe.EmbeddedMetricsObserver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerMetricsTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    /**
     * Four records: a scanned PDF indexed (3 pages, 1 by OCR), an encrypted PDF recorded
     * metadata-only, S3 throttling (retry) and a message that is not an S3 event (reject).
     * The operation kinds do not matter to metrics; deletes keep the fakes small.
     */
    private final RecordPreparer preparer = (message, budget) -> switch (message.getBody()) {
        case "scan.pdf" ->
            new Preparation.Indexable(
                    message.getMessageId(),
                    List.of(new IndexOperation.Delete("bucket", "scan.pdf", "0A")),
                    List.of(new ObjectSummary("bucket", "scan.pdf", ObjectStatus.INDEXED, null, 3, 1, 1200, 2048, 40)));
        case "secret.pdf" ->
            new Preparation.Indexable(
                    message.getMessageId(),
                    List.of(new IndexOperation.Delete("bucket", "secret.pdf", "0B")),
                    List.of(new ObjectSummary(
                            "bucket", "secret.pdf", ObjectStatus.METADATA_ONLY, "encrypted", 0, 0, 0, 512, 5)));
        case "throttled" -> new Preparation.Settled(new RecordOutcome.Retry(message.getMessageId(), "S3 throttled"));
        default -> new Preparation.Rejected(message.getMessageId(), "not an S3 event", List.of());
    };

    private final SourceQueue sourceQueue = new SourceQueue() {
        @Override
        public void delete(List<SQSMessage> messages) {}

        @Override
        public void sendContinuation(SQSMessage message, String progress) {}

        @Override
        public void changeVisibility(SQSMessage message, Duration invisibleFor) {}
    };

    /** Applies every operation. */
    private final DocumentIndex index = new DocumentIndex() {
        @Override
        public void prepare() {}

        @Override
        public List<IndexItemResult> apply(List<IndexOperation> operations) {
            return operations.stream()
                    .map(operation -> new IndexItemResult(operation.documentId(), IndexItemResult.Status.APPLIED, null))
                    .toList();
        }
    };

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void theHandlerWritesOneEmbeddedMetricsDocumentPerBatchWithItsCounts() throws Exception {
        IngestHandler handler = new IngestHandler(new BatchProcessor(
                preparer,
                index,
                (message, errorClass, reason) -> {},
                sourceQueue,
                SqsMessages.BACKOFF,
                workers,
                metricsTo(new PrintStream(stdout, true))));

        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(
                asLambdaSendsIt(event("scan.pdf", "secret.pdf", "throttled", "not json")),
                response,
                new LocalContext(60_000));

        assertThat(response.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m3\"}]}");
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode document = new ObjectMapper().readTree(lines.get(0));
        JsonNode directive = document.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(document.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(directive.path("Namespace").asText()).isEqualTo("DocIndexer");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"FunctionName\"]]");
        assertThat(document.path("FunctionName").asText()).isEqualTo("IngestFunction");

        Map<String, String> units = new HashMap<>();
        directive
                .path("Metrics")
                .forEach(metric -> units.put(
                        metric.path("Name").asText(), metric.path("Unit").asText()));
        assertThat(units)
                .containsEntry("RecordsDone", "Count")
                .containsEntry("ExtractionMillis", "Milliseconds")
                .containsEntry("BytesDownloaded", "Bytes")
                .containsEntry("BatchMillis", "Milliseconds")
                .containsKeys(
                        "RecordsRetried",
                        "RecordsRejected",
                        "MetadataOnly.encrypted",
                        "MetadataOnly.corrupt",
                        "PagesExtracted",
                        "OcrPages",
                        "IndexingMillis");
        units.keySet()
                .forEach(name ->
                        assertThat(document.has(name)).as("value of " + name).isTrue());

        assertThat(document.path("RecordsDone").asLong()).isEqualTo(2);
        assertThat(document.path("RecordsRetried").asLong()).isEqualTo(1);
        assertThat(document.path("RecordsRejected").asLong()).isEqualTo(1);
        assertThat(document.path("MetadataOnly.encrypted").asLong()).isEqualTo(1);
        assertThat(document.path("MetadataOnly.corrupt").asLong()).isZero();
        assertThat(document.path("PagesExtracted").asLong()).isEqualTo(3);
        assertThat(document.path("OcrPages").asLong()).isEqualTo(1);
        assertThat(document.path("ExtractionMillis").asLong()).isEqualTo(45);
        assertThat(document.path("BytesDownloaded").asLong()).isEqualTo(2560);
        assertThat(document.path("IndexingMillis").asLong()).isNotNegative();
        assertThat(document.path("BatchMillis").asLong())
                .isGreaterThanOrEqualTo(document.path("IndexingMillis").asLong());
    }

    private static EmbeddedMetricsObserver metricsTo(PrintStream out) {
        return new EmbeddedMetricsObserver(
                new ObjectMapper(),
                out,
                Clock.fixed(NOW, ZoneOffset.UTC),
                "DocIndexer",
                "FunctionName",
                "IngestFunction");
    }

    private static SQSEvent event(String... bodies) {
        SQSEvent event = new SQSEvent();
        event.setRecords(SqsMessages.firstDeliveries(bodies));
        return event;
    }

    /** The event as JSON, written by Lambda's own serialiser. */
    private static InputStream asLambdaSendsIt(SQSEvent event) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(SQSEvent.class, HandlerMetricsTest.class.getClassLoader())
                .toJson(event, json);
        return new ByteArrayInputStream(json.toByteArray());
    }
}
