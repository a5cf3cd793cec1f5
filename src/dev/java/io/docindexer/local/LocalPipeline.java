package io.docindexer.local;

import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordReport;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.ingest.IngestComponents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * The ingest function wired to a running local stack as it is on AWS: files put in the bucket,
 * their S3 notifications sent to the ingest queue, and an event source poller driving the handler
 * until closed. Each record's report is kept by the id of the message that carried it, so a caller
 * can wait for the files it sent.
 */
public final class LocalPipeline implements AutoCloseable {

    private static final int BATCH_SIZE = 10;
    private static final int FUNCTION_TIMEOUT_MILLIS = 60_000;

    private final LocalServers stack;
    private final BucketNotifications notifications;
    private final Map<String, RecordReport> reports = new ConcurrentHashMap<>();
    private final IngestComponents ingest;
    private final EventSourcePoller poller;

    private LocalPipeline(LocalServers stack, LocalServers.Queues queues) {
        this.stack = stack;
        this.notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());
        this.ingest = IngestComponents.create(
                IngestConfig.fromEnv(stack.ingestEnvironment(queues)),
                report -> reports.put(report.outcome().messageId(), report));
        this.poller = new EventSourcePoller(
                stack.sqs(),
                queues.queueUrl(),
                queues.queueArn(),
                ingest.handler(),
                BATCH_SIZE,
                Runtime.getRuntime().availableProcessors(),
                FUNCTION_TIMEOUT_MILLIS);
    }

    /** Starts polling {@code queues}' ingest queue with the handler configured for {@code stack}. */
    public static LocalPipeline start(LocalServers stack, LocalServers.Queues queues) {
        return new LocalPipeline(stack, queues);
    }

    /** Puts {@code file} in the bucket under {@code key} and notifies the queue; returns the message id. */
    public String upload(String key, Path file) {
        stack.put(key, file);
        return announce(key);
    }

    /** Sends the queue the S3 notification of an object already in the bucket; returns the message id. */
    public String announce(String key) {
        return notifications.objectCreated(
                LocalServers.BUCKET,
                key,
                stack.s3()
                        .headObject(
                                request -> request.bucket(LocalServers.BUCKET).key(key)));
    }

    /**
     * Waits until every message has its final outcome (anything SQS does not redeliver), telling
     * {@code progress} how many have one after each look.
     *
     * @return whether all did within {@code patience}
     */
    public boolean awaitFinalOutcomes(Collection<String> messageIds, Duration patience, LongConsumer progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            long done = messageIds.stream().filter(this::hasFinalOutcome).count();
            progress.accept(done);
            if (done == messageIds.size()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
    }

    /** The last report of the record a message carried, if the handler has seen it. */
    public Optional<RecordReport> report(String messageId) {
        return Optional.ofNullable(reports.get(messageId));
    }

    public OpenSearchDocumentIndex index() {
        return ingest.index();
    }

    private boolean hasFinalOutcome(String messageId) {
        RecordReport report = reports.get(messageId);
        return report != null && !(report.outcome() instanceof RecordOutcome.Redelivered);
    }

    @Override
    public void close() throws Exception {
        try (IngestComponents closedLast = ingest) {
            poller.close();
        }
    }
}
