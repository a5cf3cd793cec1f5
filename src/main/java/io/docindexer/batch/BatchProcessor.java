package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs one SQS batch: prepares records in parallel (download and extraction), writes everything
 * they produced in one bulk request, and reports exactly the records that must be retried.
 *
 * <p>Nothing a single record does can escape as an exception: an exception leaving the handler
 * would make SQS redeliver the whole batch, including records that were already indexed.
 */
public final class BatchProcessor {

    private final RecordPreparer preparer;
    private final DocumentIndex index;
    private final DeadLetterQueue deadLetterQueue;
    private final ExecutorService workers;
    private final BatchObserver observer;

    public BatchProcessor(RecordPreparer preparer, DocumentIndex index, DeadLetterQueue deadLetterQueue,
            ExecutorService workers, BatchObserver observer) {
        this.preparer = preparer;
        this.index = index;
        this.deadLetterQueue = deadLetterQueue;
        this.workers = workers;
        this.observer = observer;
    }

    public SQSBatchResponse process(List<SQSMessage> messages, TimeBudget budget) {
        long started = System.nanoTime();
        List<Preparation> preparations = prepareAll(messages, budget);
        List<RecordOutcome> outcomes = index(preparations);
        if (isFifo(messages)) {
            outcomes = FifoOrdering.failEverythingAfterFirstRetry(outcomes);
        }
        outcomes = sendRejectsToDeadLetterQueue(messages, outcomes);

        long millis = (System.nanoTime() - started) / 1_000_000;
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            RecordOutcome outcome = outcomes.get(i);
            observer.onRecord(new RecordReport(outcome, preparations.get(i).objects(), millis));
            if (outcome instanceof RecordOutcome.Retry) {
                failures.add(new SQSBatchResponse.BatchItemFailure(outcome.messageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private List<Preparation> prepareAll(List<SQSMessage> messages, TimeBudget budget) {
        List<Future<Preparation>> futures = new ArrayList<>(messages.size());
        for (SQSMessage message : messages) {
            futures.add(workers.submit(() -> budget.allowsStart()
                    ? preparer.prepare(message)
                    : new Preparation.Settled(new RecordOutcome.Retry(message.getMessageId(),
                            "not started: too little of the invocation's time was left"))));
        }
        List<Preparation> preparations = new ArrayList<>(messages.size());
        for (int i = 0; i < futures.size(); i++) {
            preparations.add(await(futures.get(i), messages.get(i).getMessageId()));
        }
        return preparations;
    }

    private static Preparation await(Future<Preparation> future, String messageId) {
        try {
            return future.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Preparation.Settled(new RecordOutcome.Retry(messageId, "interrupted"));
        } catch (ExecutionException bug) {
            Throwable cause = bug.getCause();
            return new Preparation.Settled(new RecordOutcome.Retry(messageId,
                    "unexpected " + cause.getClass().getName() + ": " + cause.getMessage()));
        }
    }

    /** One bulk request for the whole batch; each record is done only when all its writes are. */
    private List<RecordOutcome> index(List<Preparation> preparations) {
        List<IndexOperation> operations = new ArrayList<>();
        for (Preparation preparation : preparations) {
            if (preparation instanceof Preparation.Indexable indexable) {
                operations.addAll(indexable.operations());
            }
        }
        List<IndexItemResult> results = List.of();
        String unavailable = null;
        if (!operations.isEmpty()) {
            try {
                results = index.apply(operations);
            } catch (IndexUnavailableException e) {
                unavailable = "OpenSearch unavailable: " + e.getMessage();
            }
        }

        List<RecordOutcome> outcomes = new ArrayList<>(preparations.size());
        int next = 0;
        for (Preparation preparation : preparations) {
            if (preparation instanceof Preparation.Settled settled) {
                outcomes.add(settled.outcome());
            } else if (preparation instanceof Preparation.Indexable indexable) {
                int count = indexable.operations().size();
                outcomes.add(unavailable != null
                        ? new RecordOutcome.Retry(indexable.messageId(), unavailable)
                        : outcomeOf(indexable.messageId(), results.subList(next, next + count)));
                next += count;
            }
        }
        return outcomes;
    }

    private static RecordOutcome outcomeOf(String messageId, List<IndexItemResult> results) {
        List<String> written = new ArrayList<>();
        for (IndexItemResult result : results) {
            switch (result.status()) {
                case APPLIED -> written.add("written");
                case STALE -> written.add("stale, newer version already indexed");
                case RETRYABLE, FAILED -> {
                    return new RecordOutcome.Retry(messageId,
                            "index write " + result.status().name().toLowerCase() + ": " + result.detail());
                }
            }
        }
        return new RecordOutcome.Done(messageId, written.isEmpty() ? "nothing to write" : String.join(", ", written));
    }

    private List<RecordOutcome> sendRejectsToDeadLetterQueue(List<SQSMessage> messages, List<RecordOutcome> outcomes) {
        List<RecordOutcome> sent = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            RecordOutcome outcome = outcomes.get(i);
            if (outcome instanceof RecordOutcome.Reject reject) {
                outcome = reject(messages.get(i), reject);
            }
            sent.add(outcome);
        }
        return sent;
    }

    private RecordOutcome reject(SQSMessage message, RecordOutcome.Reject reject) {
        try {
            deadLetterQueue.send(message, "UnusableMessage", reject.detail());
            return new RecordOutcome.Done(reject.messageId(), "sent to the DLQ: " + reject.detail());
        } catch (RuntimeException sendFailed) {
            // Not acknowledged: SQS redelivers it and, after maxReceiveCount, moves it to the DLQ itself.
            return new RecordOutcome.Retry(reject.messageId(),
                    "unusable message, and sending it to the DLQ failed: " + sendFailed.getMessage());
        }
    }

    private static boolean isFifo(List<SQSMessage> messages) {
        return !messages.isEmpty() && messages.get(0).getEventSourceArn() != null
                && messages.get(0).getEventSourceArn().endsWith(".fifo");
    }
}
