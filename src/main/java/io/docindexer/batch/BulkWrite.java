package io.docindexer.batch;

import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's writes: what each wave of records produced goes to the index in one bulk request, and
 * each record is settled from the results of its own items. A bulk request does not throw for
 * failed items, so every item is read: a record is retried when any of its writes failed, indexed
 * when they were applied, and skipped when each was stale (a newer event is already indexed) or it
 * had none. When the request itself fails, or the index could not be prepared, every record with
 * writes is retried. Once the index has been found unable to take writes (see {@link
 * IndexOutage}), no further request is sent in this batch. A document the index refuses for good
 * (a mapping conflict) sends its record to the DLQ at once, with the reason: retrying cannot help
 * until the mapping changes, and its message, kept in the DLQ, indexes the document fully when
 * redriven after that. One per batch, used by the thread running it only.
 */
final class BulkWrite {

    private final DocumentIndex index;
    private final IndexOutage outage;
    private boolean preparationAsked;
    private RuntimeException preparationFailure;

    BulkWrite(DocumentIndex index, IndexOutage outage) {
        this.index = index;
        this.outage = outage;
    }

    /** @return the wave's preparations in their order, each {@link Preparation.Indexable} one settled */
    List<Preparation> apply(List<Preparation> wave, BatchTimings timings) {
        List<IndexOperation> operations = new ArrayList<>();
        for (Preparation preparation : wave) {
            if (preparation instanceof Preparation.Indexable indexable) {
                operations.addAll(indexable.operations());
            }
        }
        List<IndexItemResult> results = List.of();
        RuntimeException unavailable = outage.known().orElse(null);
        String context = unavailable != null
                ? "not written: the index was found unavailable earlier in this invocation"
                : "writing to the index failed";
        if (!operations.isEmpty() && unavailable == null) {
            long started = System.nanoTime();
            unavailable = indexNotPrepared();
            if (unavailable == null) {
                try {
                    results = index.apply(operations);
                } catch (RuntimeException e) {
                    unavailable = e;
                }
            }
            timings.indexedSince(started);
            if (unavailable instanceof IndexUnavailableException down) {
                outage.noticed(down);
            }
        }
        List<Preparation> settled = new ArrayList<>(wave.size());
        int next = 0;
        for (Preparation preparation : wave) {
            if (preparation instanceof Preparation.Indexable indexable) {
                int count = indexable.operations().size();
                // A record with nothing to write is settled by its own (no) items, whatever the index's state.
                List<IndexItemResult> own = unavailable == null ? results.subList(next, next + count) : List.of();
                settled.add(
                        unavailable != null && count > 0
                                ? new Preparation.Settled(
                                        ErrorClassifier.retry(indexable.messageId(), context, unavailable),
                                        indexable.objects())
                                : settle(indexable, own));
                next += count;
            } else {
                settled.add(preparation);
            }
        }
        return settled;
    }

    /**
     * Why the index cannot take writes, or null when it can. Asked of the index once per batch,
     * before the first write: while OpenSearch refuses to let the index be prepared, every later
     * write of the batch (each redelivered record writes on its own) would be refused the same way.
     */
    private RuntimeException indexNotPrepared() {
        if (!preparationAsked) {
            preparationAsked = true;
            try {
                index.prepare();
            } catch (RuntimeException e) {
                preparationFailure = e;
            }
        }
        return preparationFailure;
    }

    /**
     * The record's outcome from its own items: the first failed item decides (pushback is noticed
     * for the rest of the batch), otherwise it is indexed if any write was applied.
     */
    private Preparation settle(Preparation.Indexable record, List<IndexItemResult> results) {
        String messageId = record.messageId();
        List<String> written = new ArrayList<>();
        boolean applied = false;
        for (IndexItemResult result : results) {
            String failure = "index write " + result.status().name().toLowerCase() + ": " + result.detail();
            switch (result.status()) {
                case APPLIED -> {
                    written.add("written");
                    applied = true;
                }
                case STALE -> written.add("stale, a newer event is already indexed");
                case RETRYABLE -> {
                    return new Preparation.Settled(new RecordOutcome.Retry(messageId, failure), record.objects());
                }
                case UNAVAILABLE -> {
                    outage.noticed(new IndexUnavailableException(result.detail()));
                    return new Preparation.Settled(new RecordOutcome.Retry(messageId, failure, true), record.objects());
                }
                case FAILED -> {
                    return new Preparation.Rejected(
                            messageId, Preparation.Rejected.INDEX_REJECTED, failure, record.objects());
                }
            }
        }
        if (written.isEmpty()) {
            return new Preparation.Settled(new RecordOutcome.Skipped(messageId, "nothing to write"), record.objects());
        }
        String detail = String.join(", ", written);
        return new Preparation.Settled(
                applied ? new RecordOutcome.Indexed(messageId, detail) : new RecordOutcome.Skipped(messageId, detail),
                record.objects());
    }
}
