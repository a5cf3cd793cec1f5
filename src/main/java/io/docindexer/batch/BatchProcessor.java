package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import io.docindexer.invocation.FifoQueues;
import io.docindexer.invocation.ReceiveCount;
import io.docindexer.invocation.TimeBudget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one SQS batch: prepares records in parallel (download and extraction), writes what they
 * produced in bulk requests, and reports exactly the records that must be retried.
 *
 * <p>On a standard queue, records are written and deleted from the queue in waves as they finish,
 * so one slow OCR document holds nobody up and a crash later in the batch redelivers only what
 * was not finished. The last wave is left to the event source, which deletes it as soon as the
 * response is returned: deleting it early would only add a round trip to every batch. A record
 * SQS has delivered before (a possible poison message) runs alone, after the others. On a FIFO
 * queue, order wins: one write at the end, and the first failure fails every later record.
 *
 * <p>Nothing a single record does can escape as an exception: that would make SQS redeliver the
 * whole batch, including records that were already indexed.
 */
public final class BatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    /** Records finished this long before the next one are written without waiting for it. */
    private static final long WAVE_IDLE_MILLIS = 250;

    private final RecordPreparer preparer;
    private final DocumentIndex index;
    private final DeadLetterQueue deadLetterQueue;
    private final SourceQueue sourceQueue;
    private final ExecutorService workers;
    private final BatchObserver observer;

    public BatchProcessor(RecordPreparer preparer, DocumentIndex index, DeadLetterQueue deadLetterQueue,
            SourceQueue sourceQueue, ExecutorService workers, BatchObserver observer) {
        this.preparer = preparer;
        this.index = index;
        this.deadLetterQueue = deadLetterQueue;
        this.sourceQueue = sourceQueue;
        this.workers = workers;
        this.observer = observer;
    }

    public SQSBatchResponse process(List<SQSMessage> messages, TimeBudget budget) {
        Batch batch = new Batch(messages, budget, System.nanoTime());
        if (isFifo(messages)) {
            batch.runInOrder();
        } else {
            batch.runInWaves();
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (RecordOutcome outcome : batch.outcomes) {
            if (outcome instanceof RecordOutcome.Retry) {
                failures.add(new SQSBatchResponse.BatchItemFailure(outcome.messageId()));
            }
        }
        observer.onBatch(batch.summary());
        return new SQSBatchResponse(failures);
    }

    /** One invocation's records and their outcomes, by position in the batch. */
    private final class Batch {
        private final List<SQSMessage> messages;
        private final TimeBudget budget;
        private final long started;
        private final RecordOutcome[] outcomeByPosition;
        private final List<RecordOutcome> outcomes;
        // Touched by the thread running the batch only, never by workers.
        private final List<RecordReport> reports = new ArrayList<>();
        private int rejected;
        private long indexNanos;
        private long deleteNanos;
        // Touched by the thread running the batch only, like reports.
        private boolean preparationAsked;
        private RuntimeException preparationFailure;

        Batch(List<SQSMessage> messages, TimeBudget budget, long started) {
            this.messages = messages;
            this.budget = budget;
            this.started = started;
            this.outcomeByPosition = new RecordOutcome[messages.size()];
            this.outcomes = Arrays.asList(outcomeByPosition);
        }

        BatchSummary summary() {
            return new BatchSummary(List.copyOf(reports), rejected, indexNanos / 1_000_000, deleteNanos / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
        }

        void runInOrder() {
            List<Prepared> prepared = new ArrayList<>();
            for (Future<Prepared> future : submit(allPositions())) {
                prepared.add(await(future));
            }
            List<RecordOutcome> written = write(prepared);
            List<RecordOutcome> ordered = FifoOrdering.failEverythingAfterFirstRetry(written);
            finish(prepared, resolveRejects(prepared, ordered), false);
        }

        void runInWaves() {
            List<Integer> fresh = new ArrayList<>();
            List<Integer> redelivered = new ArrayList<>();
            for (int position = 0; position < messages.size(); position++) {
                (ReceiveCount.of(messages.get(position)) > 1 ? redelivered : fresh).add(position);
            }
            List<List<Integer>> groups = new ArrayList<>();
            if (!fresh.isEmpty()) {
                groups.add(fresh);
            }
            redelivered.forEach(position -> groups.add(List.of(position)));
            for (int group = 0; group < groups.size(); group++) {
                runInWaves(groups.get(group), group < groups.size() - 1);
            }
        }

        private void runInWaves(List<Integer> positions, boolean moreGroupsFollow) {
            CompletionService<Prepared> completion = new ExecutorCompletionService<>(workers);
            for (int position : positions) {
                completion.submit(() -> prepare(position));
            }
            List<Prepared> wave = new ArrayList<>();
            for (int remaining = positions.size(); remaining > 0; ) {
                Future<Prepared> next = wave.isEmpty() ? take(completion) : poll(completion);
                if (next == null) {
                    flushWave(wave, true);
                    wave = new ArrayList<>();
                } else {
                    wave.add(await(next));
                    remaining--;
                }
            }
            flushWave(wave, moreGroupsFollow);
        }

        /** @param moreFollows whether records of this batch are still to run after this wave */
        private void flushWave(List<Prepared> wave, boolean moreFollows) {
            if (!wave.isEmpty()) {
                finish(wave, resolveRejects(wave, write(wave)), moreFollows);
            }
        }

        private List<Future<Prepared>> submit(List<Integer> positions) {
            List<Future<Prepared>> futures = new ArrayList<>();
            for (int position : positions) {
                futures.add(workers.submit(() -> prepare(position)));
            }
            return futures;
        }

        /** Runs on a worker; every failure becomes an outcome, so the future itself never fails. */
        private Prepared prepare(int position) {
            SQSMessage message = messages.get(position);
            if (!budget.allowsStart()) {
                return new Prepared(position, new Preparation.Settled(new RecordOutcome.Retry(message.getMessageId(),
                        "not started: too little of the invocation's time was left")));
            }
            try {
                return new Prepared(position, preparer.prepare(message, budget));
            } catch (RuntimeException | Error bug) {
                return new Prepared(position, new Preparation.Settled(
                        ErrorClassifier.outcomeOf(message.getMessageId(), "preparing the record failed", bug)));
            }
        }

        private void finish(List<Prepared> prepared, List<RecordOutcome> outcomes, boolean deleteAtOnce) {
            List<SQSMessage> done = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                int position = prepared.get(i).position();
                RecordOutcome outcome = outcomes.get(i);
                outcomeByPosition[position] = outcome;
                if (outcome instanceof RecordOutcome.Done) {
                    done.add(messages.get(position));
                }
            }
            if (deleteAtOnce && !done.isEmpty()) {
                deleteQuietly(done);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            for (int i = 0; i < prepared.size(); i++) {
                RecordReport report = new RecordReport(outcomes.get(i), prepared.get(i).preparation().objects(), millis);
                reports.add(report);
                observer.onRecord(report);
            }
        }

        private void deleteQuietly(List<SQSMessage> done) {
            long deleteStarted = System.nanoTime();
            try {
                sourceQueue.delete(done);
            } catch (RuntimeException e) {
                // Harmless: the event source deletes every record not in batchItemFailures at the end.
                LOG.warn("could not delete {} finished messages early: {}", done.size(), e.toString());
            }
            deleteNanos += System.nanoTime() - deleteStarted;
        }

        private List<RecordOutcome> resolveRejects(List<Prepared> prepared, List<RecordOutcome> outcomes) {
            List<RecordOutcome> resolved = new ArrayList<>(outcomes.size());
            for (int i = 0; i < outcomes.size(); i++) {
                RecordOutcome outcome = outcomes.get(i);
                if (outcome instanceof RecordOutcome.Reject reject) {
                    outcome = reject(prepared.get(i).position(), reject);
                }
                resolved.add(outcome);
            }
            return resolved;
        }

        private RecordOutcome reject(int position, RecordOutcome.Reject reject) {
            try {
                deadLetterQueue.send(messages.get(position), "UnusableMessage", reject.detail());
                rejected++;
                return new RecordOutcome.Done(reject.messageId(), "sent to the DLQ: " + reject.detail());
            } catch (RuntimeException sendFailed) {
                // Not acknowledged: SQS redelivers it and, after maxReceiveCount, moves it to the DLQ itself.
                return new RecordOutcome.Retry(reject.messageId(),
                        "unusable message, and sending it to the DLQ failed: " + sendFailed.getMessage());
            }
        }

        /** Writes everything the records produced in one bulk request; a record is done when all its writes are. */
        private List<RecordOutcome> write(List<Prepared> prepared) {
            List<IndexOperation> operations = new ArrayList<>();
            for (Prepared record : prepared) {
                if (record.preparation() instanceof Preparation.Indexable indexable) {
                    operations.addAll(indexable.operations());
                }
            }
            List<IndexItemResult> results = List.of();
            Throwable unavailable = null;
            if (!operations.isEmpty()) {
                long indexStarted = System.nanoTime();
                unavailable = indexNotPrepared();
                if (unavailable == null) {
                    try {
                        results = index.apply(operations);
                    } catch (RuntimeException e) {
                        unavailable = e;
                    }
                }
                indexNanos += System.nanoTime() - indexStarted;
            }
            List<RecordOutcome> outcomes = new ArrayList<>(prepared.size());
            int next = 0;
            for (Prepared record : prepared) {
                Preparation preparation = record.preparation();
                if (preparation instanceof Preparation.Indexable indexable) {
                    int count = indexable.operations().size();
                    outcomes.add(unavailable != null
                            ? ErrorClassifier.outcomeOf(indexable.messageId(), "writing to the index failed", unavailable)
                            : outcomeOf(indexable.messageId(), results.subList(next, next + count)));
                    next += count;
                } else if (preparation instanceof Preparation.Continued continued) {
                    outcomes.add(continueLater(record.position(), continued));
                } else {
                    outcomes.add(((Preparation.Settled) preparation).outcome());
                }
            }
            return outcomes;
        }

        /**
         * Why the index cannot take writes, or null when it can. Asked of the index once per batch,
         * before the first write: while OpenSearch refuses to let the index be prepared, every later
         * write of the batch (each redelivered record writes on its own) would be refused the same way.
         */
        private RuntimeException indexNotPrepared() {
            if (!preparationAsked) {
                preparationAsked = true;
                try {
                    index.prepare();
                } catch (RuntimeException e) {
                    preparationFailure = e;
                }
            }
            return preparationFailure;
        }

        private RecordOutcome continueLater(int position, Preparation.Continued continued) {
            try {
                sourceQueue.sendContinuation(messages.get(position), continued.progress());
                return new RecordOutcome.Done(continued.messageId(), "continues in a new message: " + continued.progress());
            } catch (RuntimeException sendFailed) {
                // The progress is saved: the redelivered message resumes from it.
                return new RecordOutcome.Retry(continued.messageId(),
                        "could not send the continuation (" + continued.progress() + "): " + sendFailed.getMessage());
            }
        }

        private List<Integer> allPositions() {
            List<Integer> positions = new ArrayList<>();
            for (int position = 0; position < messages.size(); position++) {
                positions.add(position);
            }
            return positions;
        }
    }

    private record Prepared(int position, Preparation preparation) {}

    private static RecordOutcome outcomeOf(String messageId, List<IndexItemResult> results) {
        List<String> written = new ArrayList<>();
        for (IndexItemResult result : results) {
            switch (result.status()) {
                case APPLIED -> written.add("written");
                case STALE -> written.add("stale, a newer event is already indexed");
                case RETRYABLE, FAILED -> {
                    return new RecordOutcome.Retry(messageId,
                            "index write " + result.status().name().toLowerCase() + ": " + result.detail());
                }
            }
        }
        return new RecordOutcome.Done(messageId, written.isEmpty() ? "nothing to write" : String.join(", ", written));
    }

    private static Prepared await(Future<Prepared> future) {
        try {
            return future.get();
        } catch (ExecutionException impossible) {
            // prepare() turns every throwable into an outcome
            throw new IllegalStateException(impossible.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a record", interrupted);
        }
    }

    private static Future<Prepared> take(CompletionService<Prepared> completion) {
        try {
            return completion.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a record", interrupted);
        }
    }

    private static Future<Prepared> poll(CompletionService<Prepared> completion) {
        try {
            return completion.poll(WAVE_IDLE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a record", interrupted);
        }
    }

    private static boolean isFifo(List<SQSMessage> messages) {
        return !messages.isEmpty() && FifoQueues.isFifo(messages.get(0).getEventSourceArn());
    }
}
