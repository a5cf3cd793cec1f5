package io.docindexer.batch;

import io.docindexer.index.IndexUnavailableException;
import java.util.Optional;

/**
 * Whether this batch has found the index unable to take writes: unreachable, refusing the whole
 * request, or pushing back on items (throttled, blocked read-only). From then on the batch neither
 * prepares its remaining records (downloading and extracting them only to fail at the write) nor
 * sends another bulk request: they are backed off at once and the invocation ends early, instead
 * of each waiting out its own timeout. Per batch, since the next invocation must look again.
 * Noticed by the thread running the batch, read by the workers too.
 */
final class IndexOutage {

    private volatile IndexUnavailableException noticed;

    /** Keeps the first failure: the one that says what happened. */
    void noticed(IndexUnavailableException failure) {
        if (noticed == null) {
            noticed = failure;
        }
    }

    Optional<IndexUnavailableException> known() {
        return Optional.ofNullable(noticed);
    }
}
