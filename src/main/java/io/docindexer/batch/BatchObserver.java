package io.docindexer.batch;

/** Told about every record's outcome: logs and metrics on AWS, the progress table locally. */
public interface BatchObserver {

    void onRecord(RecordReport report);
}
