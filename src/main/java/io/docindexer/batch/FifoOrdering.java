package io.docindexer.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A FIFO queue must not let a later message overtake an earlier one that failed, so once a record
 * is retried every later record of the batch is retried too, before anything is acknowledged: an
 * unusable one is not yet sent to the DLQ, a long one sends no continuation.
 */
final class FifoOrdering {

    private FifoOrdering() {}

    /** @param written a FIFO batch's preparations in queue order, once the bulk write has settled them */
    static List<Preparation> failEverythingAfterFirstRetry(List<Preparation> written) {
        List<Preparation> ordered = new ArrayList<>(written.size());
        boolean failed = false;
        for (Preparation preparation : written) {
            if (failed && !isRetry(preparation)) {
                preparation = new Preparation.Settled(
                        new RecordOutcome.Retry(preparation.messageId(), "an earlier record of this FIFO batch failed"),
                        preparation.objects());
            }
            failed |= isRetry(preparation);
            ordered.add(preparation);
        }
        return ordered;
    }

    private static boolean isRetry(Preparation preparation) {
        return preparation instanceof Preparation.Settled settled && settled.outcome() instanceof RecordOutcome.Retry;
    }
}
