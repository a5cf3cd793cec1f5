package io.docindexer.batch;

import java.util.List;

/**
 * One batch, once every record has its outcome: for metrics, which want one document per batch.
 *
 * @param reports every record's report, in the order the records finished
 * @param indexMillis time spent in bulk requests to the index
 * @param deleteMillis time spent deleting finished messages from the queue early
 * @param millis the whole batch, from the first record started to the response
 */
public record BatchSummary(List<RecordReport> reports, long indexMillis, long deleteMillis, long millis) {

    public long count(Class<? extends RecordOutcome> outcome) {
        return reports.stream()
                .filter(report -> outcome.isInstance(report.outcome()))
                .count();
    }
}
