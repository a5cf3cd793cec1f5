/**
 * Runs one SQS batch to a partial batch response: prepares records in parallel, writes them in bulk,
 * acknowledges what is done and reports exactly the records to retry, each class doing one of those
 * (see {@link io.docindexer.batch.BatchProcessor}). Each record ends in a
 * {@link io.docindexer.batch.RecordOutcome} named for what happened to it. The batch owns the ports
 * it needs: {@link io.docindexer.batch.RecordPreparer} (the ingest package's S3 events),
 * {@link io.docindexer.batch.DeadLetterQueue} and {@link io.docindexer.batch.SourceQueue} (the SQS
 * adapters), {@link io.docindexer.batch.BatchObserver} (logs and metrics).
 */
package io.docindexer.batch;
