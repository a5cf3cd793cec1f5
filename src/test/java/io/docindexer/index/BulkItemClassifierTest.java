package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.IndexItemResult.Status;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.bulk.OperationType;

class BulkItemClassifierTest {

    @Test
    void createdAndUpdatedItemsAreApplied() {
        assertThat(BulkItemClassifier.classify("id", success(201, "created")))
                .isEqualTo(new IndexItemResult("id", Status.APPLIED, null));
        assertThat(BulkItemClassifier.classify("id", success(200, "updated")).status())
                .isEqualTo(Status.APPLIED);
    }

    @Test
    void aNoopMeansTheIndexAlreadyHoldsANewerEvent() {
        assertThat(BulkItemClassifier.classify("id", success(200, "noop")))
                .isEqualTo(new IndexItemResult("id", Status.STALE, null));
    }

    @Test
    void pushbackFromTheClusterMeansTheIndexIsUnavailableNotThatTheDocumentIsBad() {
        assertThat(statusOf(429, "rejected_execution_exception", "rejected execution of TransportWriteAction"))
                .isEqualTo(Status.UNAVAILABLE);
        assertThat(statusOf(429, "es_rejected_execution_exception", "rejected execution of coordinating operation"))
                .isEqualTo(Status.UNAVAILABLE);
        assertThat(statusOf(429, "circuit_breaking_exception", "[parent] Data too large"))
                .isEqualTo(Status.UNAVAILABLE);
        assertThat(statusOf(
                        429,
                        "cluster_block_exception",
                        "index [documents-v2] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage"
                                + " watermark, index has read-only-allow-delete block]"))
                .isEqualTo(Status.UNAVAILABLE);
        assertThat(statusOf(
                        403,
                        "cluster_block_exception",
                        "index [documents-v2] blocked by: [FORBIDDEN/8/index write (api)]"))
                .isEqualTo(Status.UNAVAILABLE);
        assertThat(statusOf(503, "unavailable_shards_exception", "primary not active"))
                .isEqualTo(Status.UNAVAILABLE);
    }

    @Test
    void aVersionConflictLeftAfterTheUpdatesOwnRetriesIsRetryable() {
        assertThat(statusOf(409, "version_conflict_engine_exception", "conflict"))
                .isEqualTo(Status.RETRYABLE);
    }

    @Test
    void otherClientErrorsFailWithTheServersReason() {
        IndexItemResult result = BulkItemClassifier.classify(
                "id", failure(400, "mapper_parsing_exception", "failed to parse field [pages]"));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).isEqualTo("400 mapper_parsing_exception: failed to parse field [pages]");
    }

    private static Status statusOf(int status, String type, String reason) {
        return BulkItemClassifier.classify("id", failure(status, type, reason)).status();
    }

    private static BulkResponseItem success(int status, String result) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Update)
                .index("documents-v2")
                .id("id")
                .status(status)
                .result(result));
    }

    private static BulkResponseItem failure(int status, String type, String reason) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Update)
                .index("documents-v2")
                .id("id")
                .status(status)
                .error(e -> e.type(type).reason(reason)));
    }
}
