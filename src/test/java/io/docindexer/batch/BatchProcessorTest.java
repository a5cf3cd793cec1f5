package io.docindexer.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.index.IndexOperation;
import io.docindexer.invocation.LogContext;
import io.docindexer.invocation.TimeBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class BatchProcessorTest {

    private final InMemoryDocumentIndex index = new InMemoryDocumentIndex();
    private final List<String> deadLettered = new ArrayList<>();
    private final List<RecordReport> reports = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final AtomicInteger prepared = new AtomicInteger();
    private boolean deadLetterQueueDown;

    private final List<String> deletedEarly = new ArrayList<>();
    private final List<String> reportedWhenDeleted = new CopyOnWriteArrayList<>();
    /** Released by the first early delete: what a slow record waits for instead of a fixed time. */
    private final CountDownLatch firstEarlyDelete = new CountDownLatch(1);

    private final List<String> deletedWhenRedeliveredRecordStarted = new ArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<String> hiddenWhenStarted = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> hidden = new ConcurrentHashMap<>();

    /**
     * Bodies script the preparer: "delete:KEY", "slow:KEY" (finishes only once the others of its
     * wave were written and deleted), "nothing" (an object gone before it was read), "retry", "reject",
     * "boom" (a bug), "done" or "long" (out of time part-way). A redelivered record notes what had
     * been deleted when it started.
     */
    private final RecordPreparer preparer = (message, budget) -> {
        prepared.incrementAndGet();
        String body = message.getBody();
        String id = message.getMessageId();
        started.add(id);
        if (hidden.containsKey(id)) {
            hiddenWhenStarted.add(id);
        }
        if (!"1".equals(message.getAttributes().get("ApproximateReceiveCount"))) {
            synchronized (deletedEarly) {
                deletedWhenRedeliveredRecordStarted.addAll(deletedEarly);
            }
        }
        if (body.startsWith("slow:")) {
            awaitFirstEarlyDelete();
            body = "delete:" + body.substring("slow:".length());
        }
        if (body.startsWith("delete:")) {
            String key = body.substring("delete:".length());
            return new Preparation.Indexable(
                    id,
                    List.of(new IndexOperation.Delete("bucket", key, "0A")),
                    List.of(ObjectSummary.of("bucket", key, ObjectStatus.DELETED, null)));
        }
        return switch (body) {
            case "retry" -> new Preparation.Settled(new RecordOutcome.Retry(id, "S3 throttled"));
            case "reject" -> new Preparation.Rejected(id, "not JSON", List.of());
            case "done" -> new Preparation.Settled(new RecordOutcome.Skipped(id, "s3:TestEvent ignored"));
            case "nothing" -> new Preparation.Indexable(id, List.of(), List.of());
            case "long" -> new Preparation.Continued(id, "paused after page 40 of 300", List.of());
            default -> throw new IllegalStateException("a bug in record " + id);
        };
    };

    private final DeadLetterQueue deadLetterQueue = (message, errorClass, reason) -> {
        if (deadLetterQueueDown) {
            throw new IllegalStateException("SQS unavailable");
        }
        deadLettered.add(message.getMessageId() + ": " + errorClass + ": " + reason);
    };

    private final List<String> continuations = new ArrayList<>();
    private boolean queueDown;
    private final SourceQueue sourceQueue = new SourceQueue() {
        @Override
        public void delete(List<SQSMessage> messages) {
            synchronized (deletedEarly) {
                messages.forEach(message -> deletedEarly.add(message.getMessageId()));
            }
            messages.stream()
                    .map(SQSMessage::getMessageId)
                    .filter(id -> reports.stream()
                            .anyMatch(report -> report.outcome().messageId().equals(id)))
                    .forEach(reportedWhenDeleted::add);
            firstEarlyDelete.countDown();
        }

        @Override
        public void sendContinuation(SQSMessage message, String progress) {
            if (queueDown) {
                throw new IllegalStateException("SQS unavailable");
            }
            continuations.add(message.getMessageId() + ": " + progress);
        }

        @Override
        public void changeVisibility(SQSMessage message, Duration invisibleFor) {
            if (queueDown) {
                throw new IllegalStateException("SQS unavailable");
            }
            hidden.put(message.getMessageId(), invisibleFor);
        }
    };

    private final BatchProcessor processor = new BatchProcessor(
            preparer, index, deadLetterQueue, sourceQueue, SqsMessages.BACKOFF, workers, reports::add);

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void aFullySuccessfulBatchReportsNoFailuresAndWritesInOneBulkRequest() {
        SQSBatchResponse response = processor.process(messages("delete:a", "delete:b", "delete:c"), plentyOfTime());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(index.bulkRequests).hasSize(1);
        assertThat(index.bulkRequests.get(0)).hasSize(3);
        assertThat(reports).allSatisfy(report -> assertThat(report.outcome()).isInstanceOf(RecordOutcome.Done.class));
    }

    @Test
    void eachOutcomeIsNamedForWhatHappenedToTheRecord() {
        index.keysIndexedByANewerEvent.add("old");

        processor.process(messages("delete:a", "done", "delete:old", "reject", "long", "retry"), plentyOfTime());

        assertThat(reportFor("m1").outcome()).isInstanceOf(RecordOutcome.Indexed.class);
        assertThat(reportFor("m2").outcome()).isInstanceOf(RecordOutcome.Skipped.class);
        assertThat(reportFor("m3").outcome()).isInstanceOf(RecordOutcome.Skipped.class);
        assertThat(reportFor("m3").outcome().detail()).contains("a newer event is already indexed");
        assertThat(reportFor("m4").outcome()).isInstanceOf(RecordOutcome.DeadLettered.class);
        assertThat(reportFor("m5").outcome()).isInstanceOf(RecordOutcome.Continued.class);
        assertThat(reportFor("m6").outcome()).isInstanceOf(RecordOutcome.Retry.class);
    }

    @Test
    void aRecordsLogLinesOnItsWorkerNameItsMessageIdAndTheInvocation() throws Exception {
        ((ThreadPoolExecutor) workers).prestartAllCoreThreads();
        Map<String, String> seenOnWorkers = new ConcurrentHashMap<>();
        BatchProcessor processor = new BatchProcessor(
                (message, budget) -> {
                    seenOnWorkers.put(
                            message.getMessageId(),
                            MDC.get(LogContext.MESSAGE_ID) + " of " + MDC.get(LogContext.REQUEST_ID));
                    return new Preparation.Settled(new RecordOutcome.Skipped(message.getMessageId(), "test"));
                },
                index,
                deadLetterQueue,
                sourceQueue,
                SqsMessages.BACKOFF,
                workers,
                reports::add);

        try (LogContext.Scope invocation = LogContext.invocation("request-1")) {
            processor.process(messages("a", "b", "c"), plentyOfTime());
        }

        assertThat(seenOnWorkers)
                .containsOnly(
                        Map.entry("m1", "m1 of request-1"),
                        Map.entry("m2", "m2 of request-1"),
                        Map.entry("m3", "m3 of request-1"));
        assertThat(workers.submit(() -> MDC.getCopyOfContextMap()).get())
                .as("a worker's context after its record")
                .isNullOrEmpty();
    }

    @Test
    void onlyTheRecordThatFailedIsReported() {
        SQSBatchResponse response =
                processor.process(messages("delete:a", "delete:b", "retry", "delete:d", "delete:e"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m3");
        assertThat(index.documents).hasSize(4);
    }

    @Test
    void aBulkItemThatWasThrottledFailsOnlyItsOwnRecord() {
        index.keysThatFail.add("b");

        SQSBatchResponse response = processor.process(messages("delete:a", "delete:b", "delete:c"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m2");
    }

    @Test
    void whenOpenSearchIsDownEveryRecordWithWritesIsRetriedButSettledOnesAreNot() {
        index.unavailable = true;

        SQSBatchResponse response = processor.process(messages("delete:a", "done", "delete:c"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1", "m3");
        assertThat(reportFor("m1").outcome().detail())
                .contains("OpenSearch unavailable")
                .contains("connection refused");
    }

    @Test
    void whileOpenSearchRefusesToPrepareTheIndexEveryRecordWithWritesIsRetriedAndItIsAskedOncePerBatch() {
        index.refusesAccess = true;
        List<SQSMessage> messages = messages("delete:a", "done", "delete:c", "delete:d");
        // Delivered before, so each runs and writes on its own: three writes in this batch.
        redelivered(messages.get(2), messages.get(3));

        SQSBatchResponse response = processor.process(messages, plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1", "m3", "m4");
        assertThat(reportFor("m1").outcome().detail()).contains("OpenSearch refused access");
        assertThat(index.preparationAttempts).hasValue(1);
        assertThat(index.bulkRequests).isEmpty();
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void onceOpenSearchAllowsItTheNextBatchPreparesTheIndexBeforeWritingEveryRecord() {
        index.refusesAccess = true;
        processor.process(messages("delete:a", "delete:b"), plentyOfTime());
        index.refusesAccess = false;
        List<SQSMessage> redelivery = messages("delete:a", "delete:b");
        redelivered(redelivery.toArray(SQSMessage[]::new));

        SQSBatchResponse response = processor.process(redelivery, plentyOfTime());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(index.preparationAttempts)
                .as("the refused attempt and the one that succeeded")
                .hasValue(2);
        assertThat(index.documents).hasSize(2);
    }

    @Test
    void anUnusableMessageGoesToTheDeadLetterQueueWithItsReasonAndIsAcknowledged() {
        SQSBatchResponse response = processor.process(messages("delete:a", "reject"), plentyOfTime());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(deadLettered).containsExactly("m2: UnusableMessage: not JSON");
    }

    @Test
    void anUnusableMessageIsRetriedWhenTheDeadLetterQueueCannotTakeIt() {
        deadLetterQueueDown = true;

        SQSBatchResponse response = processor.process(messages("reject"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1");
    }

    @Test
    void aBugInOneRecordDoesNotEscapeTheHandler() {
        SQSBatchResponse response = processor.process(messages("delete:a", "boom"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m2");
        assertThat(reportFor("m2").outcome().detail()).contains("a bug in record m2");
    }

    @Test
    void recordsAreNotStartedWhenTheInvocationIsAboutToTimeOut() {
        SQSBatchResponse response =
                processor.process(messages("delete:a", "delete:b"), new TimeBudget(() -> 5_000, 10_000));

        assertThat(failedIds(response)).containsExactly("m1", "m2");
        assertThat(prepared).hasValue(0);
        assertThat(index.bulkRequests).isEmpty();
    }

    @Test
    void inAFifoBatchEveryRecordAfterTheFirstFailureIsRetriedToo() {
        List<SQSMessage> messages = messages("delete:a", "retry", "delete:c", "reject");
        messages.forEach(message -> message.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:docs.fifo"));

        SQSBatchResponse response = processor.process(messages, plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m2", "m3", "m4");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void inAFifoBatchARecordAfterAFailureSendsNoContinuation() {
        List<SQSMessage> messages = messages("retry", "long");
        messages.forEach(message -> message.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:docs.fifo"));

        SQSBatchResponse response = processor.process(messages, plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1", "m2");
        assertThat(continuations).isEmpty();
    }

    @Test
    void finishedRecordsAreDeletedFromTheQueueAtOnceAndFailedOnesAreNot() {
        processor.process(messages("delete:a", "retry", "reject", "delete:d", "slow:e"), plentyOfTime());

        assertThat(deletedEarly).containsExactlyInAnyOrder("m1", "m3", "m4");
    }

    @Test
    void theLastWaveIsLeftForTheEventSourceToDelete() {
        SQSBatchResponse response = processor.process(messages("delete:a", "delete:b"), plentyOfTime());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(deletedEarly).isEmpty();
    }

    @Test
    void aSlowRecordDoesNotHoldBackTheWritesOfTheOthers() {
        processor.process(messages("slow:a", "delete:b", "delete:c"), plentyOfTime());

        assertThat(index.bulkRequests).hasSize(2);
        assertThat(index.bulkRequests.get(0))
                .extracting(operation -> ((IndexOperation.Delete) operation).key())
                .containsExactlyInAnyOrder("b", "c");
        assertThat(index.bulkRequests.get(1))
                .extracting(operation -> ((IndexOperation.Delete) operation).key())
                .containsExactly("a");
    }

    @Test
    void aRecordDeliveredBeforeRunsAloneAfterTheOthersAreDeleted() {
        List<SQSMessage> messages = messages("delete:a", "delete:suspect", "delete:c");
        messages.get(1).getAttributes().put("ApproximateReceiveCount", "3");

        SQSBatchResponse response = processor.process(messages, plentyOfTime());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(deletedWhenRedeliveredRecordStarted).containsExactlyInAnyOrder("m1", "m3");
        assertThat(index.bulkRequests)
                .last()
                .satisfies(bulk -> assertThat(bulk)
                        .singleElement()
                        .satisfies(operation -> assertThat(((IndexOperation.Delete) operation).key())
                                .isEqualTo("suspect")));
    }

    @Test
    void aFifoBatchDeletesNothingEarly() {
        List<SQSMessage> messages = messages("delete:a", "delete:b");
        messages.forEach(message -> message.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:docs.fifo"));

        processor.process(messages, plentyOfTime());

        assertThat(deletedEarly).isEmpty();
        assertThat(index.bulkRequests).hasSize(1);
    }

    @Test
    void aRecordTooLongForThisInvocationContinuesInANewMessageAndIsDone() {
        SQSBatchResponse response = processor.process(messages("long", "slow:b"), plentyOfTime());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(continuations).containsExactly("m1: paused after page 40 of 300");
        assertThat(deletedEarly).containsExactly("m1");
    }

    @Test
    void aContinuationThatCannotBeSentIsRetried() {
        queueDown = true;

        SQSBatchResponse response = processor.process(messages("long"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1");
    }

    @Test
    void inAStandardBatchRecordsAfterAFailureStillSucceed() {
        SQSBatchResponse response = processor.process(messages("retry", "delete:b"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1");
    }

    @Test
    void aRecordThatFailedBecauseOpenSearchIsDownIsHiddenLongerWithEachDeliveryAndStillReported() {
        index.unavailable = true;
        List<SQSMessage> messages = messages("delete:a");
        messages.get(0).getAttributes().put("ApproximateReceiveCount", "3");

        SQSBatchResponse response = processor.process(messages, plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1");
        assertThat(reportFor("m1").outcome()).isInstanceOf(RecordOutcome.BackedOff.class);
        Duration backoff = ((RecordOutcome.BackedOff) reportFor("m1").outcome()).invisibleFor();
        assertThat(hidden).containsEntry("m1", backoff);
        assertThat(backoff)
                .as("the third delivery: 20 min doubled twice, less up to half")
                .isBetween(Duration.ofMinutes(40), Duration.ofMinutes(80));
        assertThat(reportFor("m1").outcome().detail()).contains("delivery 3 backed off for " + backoff.toSeconds());
    }

    @Test
    void aRecordThatFailedForItsOwnReasonsIsNotBackedOffSoItReachesTheDeadLetterQueueAfterMaxReceiveCount() {
        SQSBatchResponse response = processor.process(messages("retry", "boom", "delete:c"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1", "m2");
        assertThat(reportFor("m1").outcome()).isInstanceOf(RecordOutcome.Retry.class);
        assertThat(reportFor("m2").outcome()).isInstanceOf(RecordOutcome.Retry.class);
        assertThat(hidden).isEmpty();
    }

    @Test
    void aRecordIsStillRetriedWhenSqsCannotHideIt() {
        index.unavailable = true;
        queueDown = true;

        SQSBatchResponse response = processor.process(messages("delete:a"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1");
        assertThat(reportFor("m1").outcome()).isInstanceOf(RecordOutcome.Retry.class);
        assertThat(reportFor("m1").outcome().detail()).contains("could not back off: SQS unavailable");
    }

    @Test
    void onceOpenSearchIsFoundDownTheRestOfTheBatchIsBackedOffWithoutBeingPreparedOrWritten() {
        index.unavailable = true;
        List<SQSMessage> messages = messages("delete:a", "delete:b", "delete:c");
        // Delivered before, so each would be prepared and written on its own after the first.
        redelivered(messages.get(1), messages.get(2));

        SQSBatchResponse response = processor.process(messages, plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1", "m2", "m3");
        assertThat(prepared).hasValue(1);
        assertThat(index.bulkRequests).hasSize(1);
        assertThat(hidden).containsOnlyKeys("m1", "m2", "m3");
        assertThat(reportFor("m3").outcome().detail())
                .contains("not started: the index was found unavailable earlier in this invocation")
                .contains("connection refused");
    }

    @Test
    void aRecordWithNothingToWriteIsDoneEvenWhenItsWaveFindsTheIndexDown() {
        index.unavailable = true;

        SQSBatchResponse response = processor.process(messages("delete:a", "nothing"), plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1");
        assertThat(reportFor("m2").outcome()).isInstanceOf(RecordOutcome.Skipped.class);
    }

    @Test
    void aThrottledItemStopsTheBatchFromSendingMoreWrites() {
        index.keysThatFail.add("a");
        List<SQSMessage> messages = messages("delete:a", "delete:b");
        redelivered(messages.get(1));

        SQSBatchResponse response = processor.process(messages, plentyOfTime());

        assertThat(failedIds(response)).containsExactly("m1", "m2");
        assertThat(index.bulkRequests).hasSize(1);
        assertThat(reportFor("m1").outcome()).isInstanceOf(RecordOutcome.BackedOff.class);
        assertThat(reportFor("m1").outcome().detail()).contains("rejected_execution_exception");
    }

    @Test
    void aRedeliveredRecordIsHiddenForTheFirstBackoffStepBeforeItRunsAloneAndTheLeastDeliveredRunsFirst() {
        // m1 may be the poison that ended the last invocations: if it ends this one too, m2 and m3
        // must not come back beside it.
        List<SQSMessage> messages = messages("delete:a", "delete:b", "delete:c");
        messages.get(0).getAttributes().put("ApproximateReceiveCount", "4");
        redelivered(messages.get(1));

        SQSBatchResponse response = processor.process(messages, plentyOfTime());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(started).containsExactly("m3", "m2", "m1");
        assertThat(hiddenWhenStarted).containsExactly("m2", "m1");
        assertThat(hidden.get("m2")).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(20));
        assertThat(hidden.get("m1")).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(20));
    }

    @Test
    void aRecordIsReportedBeforeItIsDeletedEarly() {
        // A process killed between the two must not leave a record gone from SQS and untold.
        List<SQSMessage> messages = messages("delete:a", "delete:b", "delete:c");
        redelivered(messages.get(2));

        processor.process(messages, plentyOfTime());

        assertThat(deletedEarly).containsExactlyInAnyOrder("m1", "m2");
        assertThat(reportedWhenDeleted).containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void aRedeliveredRecordStillRunsWhenHidingItFails() {
        queueDown = true;
        List<SQSMessage> messages = messages("delete:a");
        redelivered(messages.get(0));

        SQSBatchResponse response = processor.process(messages, plentyOfTime());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(reportFor("m1").outcome()).isInstanceOf(RecordOutcome.Indexed.class);
    }

    @Test
    void aDocumentTheMappingRejectsSendsItsRecordToTheDeadLetterQueueAtOnceWithTheReason() {
        index.keysTheMappingRejects.add("b");

        SQSBatchResponse response = processor.process(messages("delete:a", "delete:b"), plentyOfTime());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(reportFor("m2").outcome()).isInstanceOf(RecordOutcome.DeadLettered.class);
        assertThat(deadLettered)
                .singleElement()
                .asString()
                .startsWith("m2: IndexRejected: index write failed: 400 mapper_parsing_exception");
        assertThat(hidden).isEmpty();
    }

    private static TimeBudget plentyOfTime() {
        return new TimeBudget(() -> 300_000, 10_000);
    }

    private static List<SQSMessage> messages(String... bodies) {
        return SqsMessages.firstDeliveries(bodies);
    }

    private static void redelivered(SQSMessage... messages) {
        for (SQSMessage message : messages) {
            message.getAttributes().put("ApproximateReceiveCount", "2");
        }
    }

    private RecordReport reportFor(String messageId) {
        return reports.stream()
                .filter(report -> report.outcome().messageId().equals(messageId))
                .findFirst()
                .orElseThrow();
    }

    private void awaitFirstEarlyDelete() {
        try {
            if (!firstEarlyDelete.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the slow record's wave-mates were never deleted");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }
}
