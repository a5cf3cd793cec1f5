package io.docindexer.batch;

import java.time.Duration;

/**
 * How one SQS record ended, named for what happened to it. Every outcome but a {@link Redelivered}
 * one is {@link Done}: acknowledged, so SQS deletes the record; only a Retry or a BackedOff record
 * becomes a {@code batchItemFailures} entry.
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

    /** Not acknowledged: SQS delivers the record again, and after maxReceiveCount deliveries moves it to the DLQ. */
    sealed interface Redelivered extends RecordOutcome {}

    /**
     * Failed, to be tried again after the queue's visibility timeout.
     *
     * @param downstream whether OpenSearch or S3 failed (unreachable, throttling, a server error,
     *     a blocked index) rather than the record itself: such a record is backed off, so that an
     *     outage does not use up its receives
     */
    record Retry(String messageId, String detail, boolean downstream) implements Redelivered {

        /** A failure of the record's own (or of unknown cause): the normal path to the DLQ. */
        public Retry(String messageId, String detail) {
            this(messageId, detail, false);
        }
    }

    /**
     * Failed because OpenSearch or S3 did: the message was made invisible for {@code invisibleFor}
     * (growing with its receive count, see {@link Backoff}) before it is redelivered.
     */
    record BackedOff(String messageId, String detail, Duration invisibleFor) implements Redelivered {}
}
