package io.docindexer.index;

import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Decides, once and only here, what a bulk item's outcome means for the caller: a bulk request
 * succeeds as a whole even when some of its items failed.
 */
final class BulkItemClassifier {

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
        return new IndexItemResult(
                documentId,
                isRetryable(item.status()) ? IndexItemResult.Status.RETRYABLE : IndexItemResult.Status.FAILED,
                detail);
    }

    /**
     * Throttling and server errors pass; a version conflict left after the update's own retries
     * means a concurrent writer for the same key, and the next attempt re-evaluates the sequencer.
     * Everything else (mapping conflicts, script errors) fails the same way every time.
     */
    static boolean isRetryable(int status) {
        return status == TOO_MANY_REQUESTS || status == CONFLICT || status >= SERVER_ERROR;
    }
}
