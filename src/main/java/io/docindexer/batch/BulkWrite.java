package io.docindexer.batch;

import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's writes: what each wave of records produced goes to the index in one bulk request, and
 * each record is settled from the results of its own items. A bulk request does not throw for
 * failed items, so every item is read: a record is retried when any of its writes failed, indexed
 * when they were applied, and skipped when each was stale (a newer event is already indexed) or it
 * had none. When the request itself fails, or the index could not be prepared, every record with
 * writes is retried. One per batch, used by the thread running it only.
 */
final class BulkWrite {

    private final DocumentIndex index;
    private boolean preparationAsked;
    private RuntimeException preparationFailure;

    BulkWrite(DocumentIndex index) {
        this.index = index;
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
        RuntimeException unavailable = null;
        if (!operations.isEmpty()) {
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
        }
        List<Preparation> settled = new ArrayList<>(wave.size());
        int next = 0;
        for (Preparation preparation : wave) {
            if (preparation instanceof Preparation.Indexable indexable) {
                int count = indexable.operations().size();
                RecordOutcome outcome = unavailable != null
                        ? ErrorClassifier.retry(indexable.messageId(), "writing to the index failed", unavailable)
                        : outcomeOf(indexable.messageId(), results.subList(next, next + count));
                settled.add(new Preparation.Settled(outcome, indexable.objects()));
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

    private static RecordOutcome outcomeOf(String messageId, List<IndexItemResult> results) {
        List<String> written = new ArrayList<>();
        boolean applied = false;
        for (IndexItemResult result : results) {
            switch (result.status()) {
                case APPLIED -> {
                    written.add("written");
                    applied = true;
                }
                case STALE -> written.add("stale, a newer event is already indexed");
                case RETRYABLE, FAILED -> {
                    return new RecordOutcome.Retry(
                            messageId, "index write " + result.status().name().toLowerCase() + ": " + result.detail());
                }
            }
        }
        if (written.isEmpty()) {
            return new RecordOutcome.Skipped(messageId, "nothing to write");
        }
        String detail = String.join(", ", written);
        return applied ? new RecordOutcome.Indexed(messageId, detail) : new RecordOutcome.Skipped(messageId, detail);
    }
}
