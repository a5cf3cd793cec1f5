package io.docindexer.index;

import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Decides, once and only here, what a bulk item's outcome means for the caller: a bulk request
 * succeeds as a whole even when some of its items failed.
 */
final class BulkItemClassifier {

    private static final String CLUSTER_BLOCK = "cluster_block_exception";
    private static final int FORBIDDEN = 403;
    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;

    private BulkItemClassifier() {}

    static IndexItemResult classify(String documentId, BulkResponseItem item) {
        ErrorCause error = item.error();
        if (error == null) {
            // The update script sets ctx.op = 'noop' when the index already holds a newer event.
            return "noop".equals(item.result())
                    ? IndexItemResult.stale(documentId)
                    : IndexItemResult.applied(documentId);
        }
        String detail = item.status() + " " + error.type() + ": " + error.reason();
        return new IndexItemResult(documentId, statusOf(item.status(), error.type()), detail);
    }

    /**
     * Pushback is the cluster's, not the document's: {@code rejected_execution_exception} (a
     * full write queue) and {@code circuit_breaking_exception} come as 429, a
     * {@code cluster_block_exception} as 429 for the flood-stage watermark's read-only-allow-delete
     * block and as 403 for other write blocks, a refused role as 403, and server errors as 5xx.
     * A version conflict left after the update's own retries means a concurrent writer for the
     * same key, and the next attempt re-evaluates the sequencer. Everything else
     * ({@code mapper_parsing_exception}, script errors) fails the same way every time.
     */
    static IndexItemResult.Status statusOf(int status, String errorType) {
        if (CLUSTER_BLOCK.equals(errorType)
                || status == TOO_MANY_REQUESTS
                || status == FORBIDDEN
                || status >= SERVER_ERROR) {
            return IndexItemResult.Status.UNAVAILABLE;
        }
        return status == CONFLICT ? IndexItemResult.Status.RETRYABLE : IndexItemResult.Status.FAILED;
    }
}
