package io.docindexer.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A FIFO queue must not let a later message overtake an earlier one that failed, so once a record
 * is retried every later record of the batch is retried too (and an unusable one is not yet sent
 * to the DLQ).
 */
final class FifoOrdering {

    private FifoOrdering() {}

    static List<RecordOutcome> failEverythingAfterFirstRetry(List<RecordOutcome> outcomes) {
        List<RecordOutcome> ordered = new ArrayList<>(outcomes.size());
        boolean failed = false;
        for (RecordOutcome outcome : outcomes) {
            if (failed && !(outcome instanceof RecordOutcome.Retry)) {
                outcome = new RecordOutcome.Retry(outcome.messageId(), "an earlier record of this FIFO batch failed");
            }
            failed |= outcome instanceof RecordOutcome.Retry;
            ordered.add(outcome);
        }
        return ordered;
    }
}
