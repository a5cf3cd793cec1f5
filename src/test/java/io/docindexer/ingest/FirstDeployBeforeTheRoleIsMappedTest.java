package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.batch.BatchProcessor;
import io.docindexer.batch.Preparation;
import io.docindexer.batch.RecordPreparer;
import io.docindexer.batch.SourceQueue;
import io.docindexer.batch.SqsMessages;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.invocation.TimeBudget;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A first deploy against a domain with fine-grained access control that has not mapped the
 * function's role yet: init completes and says so, batches are retried, and once the role is
 * mapped the next batch prepares the index once and writes. The real OpenSearch client talks to a
 * small server on loopback that plays the domain.
 */
class FirstDeployBeforeTheRoleIsMappedTest {

    private static final String INDEX = "documents";
    /** Each record deletes the object its body names: one bulk operation per record. */
    private static final RecordPreparer DELETE_EACH = (message, budget) -> new Preparation.Indexable(
            message.getMessageId(), List.of(new IndexOperation.Delete("bucket", message.getBody(), "0A")), List.of());

    private static final SourceQueue NO_EARLY_DELETES = new SourceQueue() {
        @Override
        public void delete(List<SQSMessage> messages) {}

        @Override
        public void sendContinuation(SQSMessage message, String progress) {}

        @Override
        public void changeVisibility(SQSMessage message, Duration invisibleFor) {}
    };

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final List<String> warnings = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();
    private UnmappedRoleOpenSearch openSearch;

    @BeforeEach
    void startOpenSearch() throws Exception {
        openSearch = UnmappedRoleOpenSearch.start();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        openSearch.close();
    }

    @Test
    void initCompletesWithOneLineSayingWhatWasRefusedWhoMustActAndThatItWillBeRetried() throws Exception {
        try (OpenSearchDocumentIndex index = OpenSearchDocumentIndex.connect(openSearch.endpoint(), "es", INDEX)) {
            IndexPreparationAtInit.prepareOrDefer(index, warnings::add);
        }

        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("Cannot prepare index documents-v2: OpenSearch refused GET /_cat/plugins")
                .contains("403", "security_exception", UnmappedRoleOpenSearch.ROLE)
                .contains("stack output IngestFunctionRoleArn", "data access policy")
                .contains("README.md, \"Using an existing OpenSearch domain or collection\"")
                .contains("will be retried before the first write of each invocation")
                .doesNotContain("\n");
    }

    @Test
    void initCompletesWhenOpenSearchCannotBeReachedAndSaysWhatToCheckIfItLasts() throws Exception {
        URI nothingListens = openSearch.endpoint();
        openSearch.close();

        try (OpenSearchDocumentIndex index = OpenSearchDocumentIndex.connect(nothingListens, "es", INDEX)) {
            IndexPreparationAtInit.prepareOrDefer(index, warnings::add);
        }

        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("Connection refused")
                .contains("records to write are backed off", "\"During an OpenSearch outage\"")
                .contains("check that OPENSEARCH_ENDPOINT")
                .doesNotContain("\n");
    }

    @Test
    void recordsAreRetriedUntilTheRoleIsMappedThenTheNextBatchPreparesTheIndexOnceAndWritesThemAll() throws Exception {
        OpenSearchDocumentIndex atInit = OpenSearchDocumentIndex.connect(openSearch.endpoint(), "es", INDEX);
        IndexPreparationAtInit.prepareOrDefer(atInit, warnings::add);

        SQSBatchResponse refused =
                processor(atInit).process(SqsMessages.firstDeliveries("a.txt", "b.txt", "c.txt"), time());

        assertThat(failedIds(refused)).containsExactly("m1", "m2", "m3");
        assertThat(openSearch.requests())
                .as("one attempt at init, one for the batch")
                .containsExactly("GET /_cat/plugins", "GET /_cat/plugins");
        assertThat(deadLettered).isEmpty();

        openSearch.mapRole();
        // As on AWS, each later invocation may run in a container restored from the snapshot.
        try (OpenSearchDocumentIndex restored = atInit.reconnected(openSearch.endpoint(), "es")) {
            atInit.close();
            BatchProcessor processor = processor(restored);
            // Delivered before, each record runs and writes on its own.
            SQSBatchResponse indexed = processor.process(redeliveries("a.txt", "b.txt", "c.txt"), time());
            SQSBatchResponse later = processor.process(SqsMessages.firstDeliveries("d.txt"), time());

            assertThat(indexed.getBatchItemFailures()).isEmpty();
            assertThat(later.getBatchItemFailures()).isEmpty();
        }
        assertThat(openSearch.requests().subList(2, openSearch.requests().size()))
                .containsExactly(
                        "GET /_cat/plugins",
                        "PUT /_index_template/documents",
                        "PUT /_scripts/documents-search",
                        "PUT /documents-v2",
                        "PUT /documents-v2/_mapping",
                        "GET /_alias/documents",
                        "POST /_aliases",
                        "POST /_bulk",
                        "POST /documents-v2/_update_by_query",
                        "POST /_bulk",
                        "POST /documents-v2/_update_by_query",
                        "POST /_bulk",
                        "POST /documents-v2/_update_by_query",
                        "POST /_bulk",
                        "POST /documents-v2/_update_by_query");
    }

    private BatchProcessor processor(OpenSearchDocumentIndex index) {
        return new BatchProcessor(
                DELETE_EACH,
                index,
                (message, errorClass, reason) -> deadLettered.add(message.getMessageId()),
                NO_EARLY_DELETES,
                SqsMessages.BACKOFF,
                workers,
                report -> {});
    }

    private static TimeBudget time() {
        return new TimeBudget(() -> 300_000, 10_000);
    }

    private static List<SQSMessage> redeliveries(String... bodies) {
        List<SQSMessage> messages = SqsMessages.firstDeliveries(bodies);
        messages.forEach(message -> message.getAttributes().put("ApproximateReceiveCount", "2"));
        return messages;
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }
}
