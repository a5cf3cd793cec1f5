package io.docindexer.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The floor cost of the queue itself, the old worker's "receive and delete only" figure: the same
 * message bodies on a queue of the same ElasticMQ, received ten at a time and batch-deleted with no
 * processing, by as many threads as the pipeline runs batches.
 */
final class DrainOnlyReference {

    private static final int SQS_BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final int threads;

    DrainOnlyReference(SqsClient sqs, String queueUrl, int threads) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.threads = threads;
    }

    /** Drains {@code total} messages already on the queue ({@link #sendAll}) and returns messages per minute. */
    double docsPerMinute(int total, PrintStream err) throws Exception {
        AtomicInteger deleted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Progress progress = new Progress(err, "drain-only", total, deleted::get)) {
            long started = System.nanoTime();
            List<Future<?>> drainers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                drainers.add(pool.submit(() -> drain(deleted, total)));
            }
            for (Future<?> drainer : drainers) {
                drainer.get();
            }
            return total * 60e9 / (System.nanoTime() - started);
        } finally {
            pool.shutdownNow();
        }
    }

    private void drain(AtomicInteger deleted, int total) {
        while (deleted.get() < total) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                            .maxNumberOfMessages(SQS_BATCH)
                            .waitTimeSeconds(1))
                    .messages();
            if (messages.isEmpty()) {
                continue;
            }
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Message message : messages) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
            sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            deleted.addAndGet(entries.size());
        }
    }

    /** Sends the bodies ten per request, as S3 fills a queue in a burst, stamping each with when it was sent. */
    static void sendAll(SqsClient sqs, String queueUrl, List<String> bodies, long[] sentAtNanos) {
        for (int start = 0; start < bodies.size(); start += SQS_BATCH) {
            int end = Math.min(bodies.size(), start + SQS_BATCH);
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (String body : bodies.subList(start, end)) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .messageBody(body)
                        .build());
            }
            Arrays.fill(sentAtNanos, start, end, System.nanoTime());
            sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
        }
    }
}
