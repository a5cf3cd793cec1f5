package io.docindexer.chaos;

import io.docindexer.local.BucketNotifications;
import io.docindexer.local.LocalServers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Does the workload's operations in windows and sends their notifications: each window's bodies
 * are built in operation order (so their sequencers are), then shuffled, some sent twice, and sent
 * at the planned rate. The poison documents are spread over the run, never sent twice (each is one
 * message the DLQ must hold); the outage starts a third of the way through.
 */
final class ChaosProducer {

    private static final int SEND_BATCH = 10;

    private final LocalServers stack;
    private final ChaosPlan plan;
    private final String queueUrl;
    private final ChaosWorkload workload;
    private final FaultCounts faults;
    private final DeliveryTally tally;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger operationsDone = new AtomicInteger();

    ChaosProducer(
            LocalServers stack,
            ChaosPlan plan,
            LocalServers.Queues queues,
            String prefix,
            FaultCounts faults,
            DeliveryTally tally) {
        this.stack = stack;
        this.plan = plan;
        this.queueUrl = queues.queueUrl();
        this.workload = new ChaosWorkload(
                stack.s3(),
                new BucketNotifications(stack.sqs(), queueUrl),
                LocalServers.BUCKET,
                prefix,
                plan.seed(),
                plan.docs());
        this.faults = faults;
        this.tally = tally;
    }

    KeyLedger ledger() {
        return workload.ledger();
    }

    int sent() {
        return sent.get();
    }

    int operationsDone() {
        return operationsDone.get();
    }

    void produce(OpenSearchOutage outage) throws InterruptedException {
        Random order = new Random(plan.seed() + 1);
        long windowNanos = (long) (plan.window() * 1e9 / plan.docsPerSecond());
        int poisonsSent = 0;
        for (int done = 0; done < plan.docs(); ) {
            long windowStarted = System.nanoTime();
            if (done >= plan.docs() / 3) {
                outage.beginOnce();
            }
            List<ChaosWorkload.Operation> operations = new ArrayList<>();
            for (int i = 0; i < plan.window() && done < plan.docs(); i++, done++) {
                operations.add(workload.next());
                // Poison i goes out after (i + 1) / (poison + 1) of the operations, among batch-mates.
                if (poisonsSent < plan.poison()
                        && done + 1 >= (long) plan.docs() * (poisonsSent + 1) / (plan.poison() + 1)) {
                    operations.add(workload.poison());
                    poisonsSent++;
                }
            }
            List<ChaosWorkload.Operation> bodies = new ArrayList<>(operations);
            for (ChaosWorkload.Operation operation : operations) {
                if (!operation.poison() && order.nextDouble() < plan.duplicateRate()) {
                    bodies.add(operation);
                    faults.fired(FaultCounts.DUPLICATE_EVENT);
                }
            }
            List<ChaosWorkload.Operation> inOperationOrder = List.copyOf(bodies);
            Collections.shuffle(bodies, order);
            if (!bodies.equals(inOperationOrder)) {
                faults.fired(FaultCounts.REORDERED_WINDOW);
            }
            send(bodies);
            operationsDone.set(done);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, windowNanos - (System.nanoTime() - windowStarted)));
        }
    }

    private void send(List<ChaosWorkload.Operation> operations) {
        for (int from = 0; from < operations.size(); from += SEND_BATCH) {
            List<ChaosWorkload.Operation> chunk =
                    operations.subList(from, Math.min(from + SEND_BATCH, operations.size()));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(chunk.get(i).body())
                        .build());
            }
            SendMessageBatchResponse response = stack.sqs()
                    .sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("ElasticMQ refused messages: " + response.failed());
            }
            for (SendMessageBatchResultEntry result : response.successful()) {
                ChaosWorkload.Operation operation = chunk.get(Integer.parseInt(result.id()));
                tally.sent(new DeliveryTally.Sent(result.messageId(), operation.key(), operation.sequencer()));
            }
            sent.addAndGet(entries.size());
        }
    }
}
