package io.docindexer.batch;

/**
 * How one SQS record ended, named for what happened to it. Every outcome but {@link Retry} is
 * {@link Done}: acknowledged, so SQS deletes the record; only a Retry becomes a
 * {@code batchItemFailures} entry.
 */
public sealed interface RecordOutcome {

    String messageId();

    /** What was done, or why not: for logs and the DLQ, never document content. */
    String detail();

    /** Acknowledged: the record is deleted from the queue. */
    sealed interface Done extends RecordOutcome {}

    /** Its writes are in the index: documents indexed or recorded metadata-only, tombstones for deletes. */
    record Indexed(String messageId, String detail) implements Done {}

    /** Nothing to write: an s3:TestEvent, an event older than the one indexed, an object deleted before it was read. */
    record Skipped(String messageId, String detail) implements Done {}

    /** The message itself is unusable (not JSON, not an S3 event): sent to the DLQ with its reason. */
    record DeadLettered(String messageId, String detail) implements Done {}

    /** Too long for one invocation: its progress is saved and a new message continues it. */
    record Continued(String messageId, String detail) implements Done {}

    /** Transient trouble: SQS redelivers after the visibility timeout, then the DLQ takes it. */
    record Retry(String messageId, String detail) implements RecordOutcome {}
}
