package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.index.IndexUnavailableException;
import io.docindexer.invocation.LogContext;
import io.docindexer.invocation.TimeBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Prepares one record on a worker thread, with the logging context of the thread that handed it
 * over and the record's message id. Every failure becomes a preparation, so the task itself never
 * fails. A record whose batch has found the index unavailable is not prepared at all: its writes
 * would be refused, and it is backed off at once.
 */
final class RecordTask implements Callable<PreparedRecord> {

    private final int position;
    private final SQSMessage message;
    private final RecordPreparer preparer;
    private final TimeBudget budget;
    private final IndexOutage outage;
    private final Map<String, String> logContext;

    /** @param logContext the logging context of the thread running the batch (see {@link LogContext#handOver}) */
    RecordTask(
            int position,
            SQSMessage message,
            RecordPreparer preparer,
            TimeBudget budget,
            IndexOutage outage,
            Map<String, String> logContext) {
        this.position = position;
        this.message = message;
        this.preparer = preparer;
        this.budget = budget;
        this.outage = outage;
        this.logContext = logContext;
    }

    @Override
    public PreparedRecord call() {
        try (LogContext.Scope record = LogContext.record(logContext, message.getMessageId())) {
            return new PreparedRecord(position, prepare());
        }
    }

    private Preparation prepare() {
        Optional<IndexUnavailableException> indexDown = outage.known();
        if (indexDown.isPresent()) {
            return new Preparation.Settled(ErrorClassifier.retry(
                    message.getMessageId(),
                    "not started: the index was found unavailable earlier in this invocation",
                    indexDown.get()));
        }
        if (!budget.allowsStart()) {
            return new Preparation.Settled(new RecordOutcome.Retry(
                    message.getMessageId(), "not started: too little of the invocation's time was left"));
        }
        try {
            return preparer.prepare(message, budget);
        } catch (RuntimeException | Error bug) {
            return ErrorClassifier.classify(message.getMessageId(), "preparing the record failed", bug, List.of());
        }
    }
}
