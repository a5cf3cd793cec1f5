package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.invocation.TimeBudget;
import java.util.List;
import java.util.concurrent.Callable;

/** Prepares one record on a worker thread. Every failure becomes a preparation, so the task itself never fails. */
final class RecordTask implements Callable<PreparedRecord> {

    private final int position;
    private final SQSMessage message;
    private final RecordPreparer preparer;
    private final TimeBudget budget;

    RecordTask(int position, SQSMessage message, RecordPreparer preparer, TimeBudget budget) {
        this.position = position;
        this.message = message;
        this.preparer = preparer;
        this.budget = budget;
    }

    @Override
    public PreparedRecord call() {
        return new PreparedRecord(position, prepare());
    }

    private Preparation prepare() {
        if (!budget.allowsStart()) {
            return new Preparation.Settled(new RecordOutcome.Retry(message.getMessageId(),
                    "not started: too little of the invocation's time was left"));
        }
        try {
            return preparer.prepare(message, budget);
        } catch (RuntimeException | Error bug) {
            return ErrorClassifier.classify(message.getMessageId(), "preparing the record failed", bug, List.of());
        }
    }
}
