package io.docindexer.index;

/**
 * What happened to one operation of a bulk request.
 *
 * @param detail the server's reason for RETRYABLE and FAILED, null otherwise
 */
public record IndexItemResult(String documentId, Status status, String detail) {

    public enum Status {
        /** Written (or re-written with the same event). */
        APPLIED,
        /** Skipped: the index already holds a newer event for this key. Done, not an error. */
        STALE,
        /** Throttled, a server error or a concurrent write: send the same operation again later. */
        RETRYABLE,
        /** Rejected for good (e.g. a mapping conflict): retrying the same operation cannot succeed. */
        FAILED
    }

    static IndexItemResult applied(String documentId) {
        return new IndexItemResult(documentId, Status.APPLIED, null);
    }

    static IndexItemResult stale(String documentId) {
        return new IndexItemResult(documentId, Status.STALE, null);
    }
}
