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
        /** A concurrent write to the same document: send the same operation again soon. */
        RETRYABLE,
        /**
         * The index cannot take writes now: throttled (429: a full write queue, a circuit
         * breaker), blocked (a read-only index after the disk flood-stage watermark), access
         * refused, or a server error. Every write is refused alike until it recovers: back off.
         */
        UNAVAILABLE,
        /** Rejected for good (a mapping conflict): the same document is refused the same way every time. */
        FAILED
    }

    static IndexItemResult applied(String documentId) {
        return new IndexItemResult(documentId, Status.APPLIED, null);
    }

    static IndexItemResult stale(String documentId) {
        return new IndexItemResult(documentId, Status.STALE, null);
    }
}
