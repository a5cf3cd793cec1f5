package io.docindexer.batch;

import io.docindexer.index.IndexOperation;
import java.util.List;

/** The first half of a record's work: either its outcome is already known, or it has writes to make. */
public sealed interface Preparation {

    String messageId();

    List<ObjectSummary> objects();

    record Settled(RecordOutcome outcome, List<ObjectSummary> objects) implements Preparation {
        public Settled(RecordOutcome outcome) {
            this(outcome, List.of());
        }

        @Override
        public String messageId() {
            return outcome.messageId();
        }
    }

    /** Writes to make in the batch's one bulk request; the record is done when all of them are. */
    record Indexable(String messageId, List<IndexOperation> operations, List<ObjectSummary> objects)
            implements Preparation {}
}
