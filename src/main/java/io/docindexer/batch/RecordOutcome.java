package io.docindexer.batch;

/** How one SQS record ended. Only {@link Retry} becomes a {@code batchItemFailures} entry. */
public sealed interface RecordOutcome {

    String messageId();

    /** What was done, or why not: for logs and the DLQ, never document content. */
    String detail();

    /** Indexed, deleted, recorded metadata-only, or skipped (stale, duplicate, test event). */
    record Done(String messageId, String detail) implements RecordOutcome {}

    /** Transient trouble: SQS redelivers after the visibility timeout, then the DLQ takes it. */
    record Retry(String messageId, String detail) implements RecordOutcome {}

    /** The message itself is unusable: it goes to the DLQ at once with its reason. */
    record Reject(String messageId, String detail) implements RecordOutcome {}
}
