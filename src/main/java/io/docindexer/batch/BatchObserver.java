package io.docindexer.batch;

/** Told about every record's outcome: logs and metrics on AWS, the progress table locally. */
public interface BatchObserver {

    void onRecord(RecordReport report);

    /** Once per batch, after its last record: for observers that report per batch, such as metrics. */
    default void onBatch(BatchSummary summary) {}

    /** Tells both observers, first then second. */
    static BatchObserver both(BatchObserver first, BatchObserver second) {
        return new BatchObserver() {
            @Override
            public void onRecord(RecordReport report) {
                first.onRecord(report);
                second.onRecord(report);
            }

            @Override
            public void onBatch(BatchSummary summary) {
                first.onBatch(summary);
                second.onBatch(summary);
            }
        };
    }
}
