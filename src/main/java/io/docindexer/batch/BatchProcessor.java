package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.index.DocumentIndex;
import io.docindexer.invocation.LogContext;
import io.docindexer.invocation.TimeBudget;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Runs one SQS batch: prepares records in parallel (download and extraction), writes what they
 * produced in bulk requests, and reports exactly the records that must be retried.
 *
 * <p>Each part of that is a class of its own. {@link Schedule} decides when each record is prepared
 * and hands the prepared ones over in waves; {@link BulkWrite} writes a wave and settles each record
 * from its own items' results; {@link Acknowledgements} sends unusable messages to the DLQ, sends
 * continuations, backs off records that failed because OpenSearch or S3 did ({@link Backoff}) and
 * deletes finished records early; {@link IndexOutage} stops a batch that found the index
 * unavailable from preparing and writing more; {@link BatchRun} keeps one batch's outcomes,
 * reports and timings. On a standard queue, finished records are deleted wave by wave, so a crash
 * later in the batch redelivers only what was not finished; the last wave is left to the event
 * source, which deletes it as soon as the response is returned (deleting it early would only add a
 * round trip to every batch). On a FIFO queue, the first failure fails every later record.
 *
 * <p>Nothing a single record does can escape as an exception: that would make SQS redeliver the
 * whole batch, including records that were already indexed.
 */
public final class BatchProcessor {

    private final RecordPreparer preparer;
    private final DocumentIndex index;
    private final Acknowledgements acknowledgements;
    private final ExecutorService workers;
    private final BatchObserver observer;

    public BatchProcessor(
            RecordPreparer preparer,
            DocumentIndex index,
            DeadLetterQueue deadLetterQueue,
            SourceQueue sourceQueue,
            Backoff backoff,
            ExecutorService workers,
            BatchObserver observer) {
        this.preparer = preparer;
        this.index = index;
        this.acknowledgements = new Acknowledgements(deadLetterQueue, sourceQueue, backoff);
        this.workers = workers;
        this.observer = observer;
    }

    public SQSBatchResponse process(List<SQSMessage> messages, TimeBudget budget) {
        Schedule schedule = new Schedule(messages, workers, acknowledgements::holdBack);
        IndexOutage outage = new IndexOutage();
        BatchRun run =
                new BatchRun(messages, schedule.inOrder(), new BulkWrite(index, outage), acknowledgements, observer);
        Map<String, String> logContext = LogContext.handOver();
        schedule.run(
                position -> new RecordTask(position, messages.get(position), preparer, budget, outage, logContext),
                run);
        observer.onBatch(run.summary());
        return run.response();
    }
}
