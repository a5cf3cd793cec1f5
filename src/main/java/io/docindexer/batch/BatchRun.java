package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * One batch on its way to a response. Each wave the schedule hands over is written, put in order
 * on a FIFO queue, and acknowledged; every record's outcome is kept by its position in the batch
 * and reported to the observer as soon as it is known. Used by the thread running the batch only,
 * never by workers.
 */
final class BatchRun implements Schedule.Waves {

    private final List<SQSMessage> messages;
    private final boolean inOrder;
    private final BulkWrite bulkWrite;
    private final Acknowledgements acknowledgements;
    private final BatchObserver observer;
    private final BatchTimings timings = new BatchTimings();
    private final RecordOutcome[] outcomeByPosition;
    private final List<RecordReport> reports = new ArrayList<>();

    /** @param inOrder whether the batch is from a FIFO queue (see {@link FifoOrdering}) */
    BatchRun(
            List<SQSMessage> messages,
            boolean inOrder,
            BulkWrite bulkWrite,
            Acknowledgements acknowledgements,
            BatchObserver observer) {
        this.messages = messages;
        this.inOrder = inOrder;
        this.bulkWrite = bulkWrite;
        this.acknowledgements = acknowledgements;
        this.observer = observer;
        this.outcomeByPosition = new RecordOutcome[messages.size()];
    }

    @Override
    public void finish(List<PreparedRecord> wave, boolean moreFollow) {
        List<Preparation> written =
                bulkWrite.apply(wave.stream().map(PreparedRecord::preparation).toList(), timings);
        if (inOrder) {
            written = FifoOrdering.failEverythingAfterFirstRetry(written);
        }
        List<RecordOutcome> outcomes = new ArrayList<>(wave.size());
        List<SQSMessage> done = new ArrayList<>();
        for (int i = 0; i < wave.size(); i++) {
            int position = wave.get(i).position();
            RecordOutcome outcome = acknowledgements.settle(messages.get(position), written.get(i));
            outcomeByPosition[position] = outcome;
            outcomes.add(outcome);
            if (outcome instanceof RecordOutcome.Done) {
                done.add(messages.get(position));
            }
        }
        // Reported before the early delete: a process that dies between the two has told what it
        // did with a record that SQS no longer holds, and never the other way round.
        long millis = timings.millisSoFar();
        for (int i = 0; i < wave.size(); i++) {
            RecordReport report =
                    new RecordReport(outcomes.get(i), wave.get(i).preparation().objects(), millis);
            reports.add(report);
            observer.onRecord(report);
        }
        if (moreFollow && !done.isEmpty()) {
            acknowledgements.deleteEarly(done, timings);
        }
    }

    /** The records SQS must redeliver: exactly the retried and backed-off ones, in batch order. */
    SQSBatchResponse response() {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (RecordOutcome outcome : outcomeByPosition) {
            if (outcome instanceof RecordOutcome.Redelivered) {
                failures.add(new SQSBatchResponse.BatchItemFailure(outcome.messageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    BatchSummary summary() {
        return timings.summary(reports);
    }
}
