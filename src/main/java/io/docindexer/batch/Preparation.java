package io.docindexer.batch;

import io.docindexer.index.IndexOperation;
import java.util.List;

/**
 * The first half of a record's work: its outcome is already known, it has writes to make, it must
 * continue in a later invocation, or the message is unusable.
 */
public sealed interface Preparation {

    String messageId();

    List<ObjectSummary> objects();

    /**
     * Its outcome is known: skipped (an s3:TestEvent) or to be retried, as prepared; and any
     * outcome of an {@link Indexable} record once the bulk write has settled it.
     */
    record Settled(RecordOutcome outcome, List<ObjectSummary> objects) implements Preparation {
        public Settled(RecordOutcome outcome) {
            this(outcome, List.of());
        }

        @Override
        public String messageId() {
            return outcome.messageId();
        }
    }

    /**
     * The message itself is unusable (not JSON, not an S3 event), or the index refused its
     * document for good (a mapping conflict): it goes to the DLQ at once with its reason, rather
     * than failing maxReceiveCount times.
     *
     * @param errorClass the DLQ's ErrorClass attribute: {@link #UNUSABLE_MESSAGE} or {@link #INDEX_REJECTED}
     */
    record Rejected(String messageId, String errorClass, String reason, List<ObjectSummary> objects)
            implements Preparation {

        /** Not an S3 event at all. */
        public static final String UNUSABLE_MESSAGE = "UnusableMessage";

        /** OpenSearch refused the record's document for good: it will refuse it the same way until the mapping changes. */
        public static final String INDEX_REJECTED = "IndexRejected";

        /** An unusable message. */
        public Rejected(String messageId, String reason, List<ObjectSummary> objects) {
            this(messageId, UNUSABLE_MESSAGE, reason, objects);
        }
    }

    /**
     * Too long for this invocation: its progress is saved, and a new message with the same body
     * continues it. The record is done once that message is sent, so a long document never uses
     * up maxReceiveCount.
     */
    record Continued(String messageId, String progress, List<ObjectSummary> objects) implements Preparation {}

    /** Writes to make in the batch's one bulk request; the record is done when all of them are. */
    record Indexable(String messageId, List<IndexOperation> operations, List<ObjectSummary> objects)
            implements Preparation {}
}
