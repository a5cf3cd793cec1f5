package io.docindexer.bench;

import io.docindexer.batch.BatchSummary;
import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.RecordReport;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a batch's time goes, summed over the run: download plus extraction per record, bulk
 * requests, early deletes and the whole batch. Printed after the pipeline to show what to optimise.
 */
final class BatchProfile {

    private final LongAdder batches = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder fetchAndExtractMillis = new LongAdder();
    private final LongAdder indexMillis = new LongAdder();
    private final LongAdder deleteMillis = new LongAdder();
    private final LongAdder batchMillis = new LongAdder();

    /** Forgets the warm-up. */
    void reset() {
        for (LongAdder adder :
                new LongAdder[] {batches, records, fetchAndExtractMillis, indexMillis, deleteMillis, batchMillis}) {
            adder.reset();
        }
    }

    void add(BatchSummary summary) {
        batches.increment();
        records.add(summary.reports().size());
        for (RecordReport report : summary.reports()) {
            for (ObjectSummary object : report.objects()) {
                fetchAndExtractMillis.add(object.extractMillis());
            }
        }
        indexMillis.add(summary.indexMillis());
        deleteMillis.add(summary.deleteMillis());
        batchMillis.add(summary.millis());
    }

    @Override
    public String toString() {
        double count = Math.max(1, batches.sum());
        return String.format(
                "%d batches, %.1f records each; per batch: %.0f ms in all, bulk %.0f ms, early delete %.0f ms;"
                        + " per record: download+extract %.1f ms",
                batches.sum(),
                records.sum() / count,
                batchMillis.sum() / count,
                indexMillis.sum() / count,
                deleteMillis.sum() / count,
                fetchAndExtractMillis.sum() / (double) Math.max(1, records.sum()));
    }
}
