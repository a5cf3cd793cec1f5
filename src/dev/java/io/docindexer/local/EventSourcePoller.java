package io.docindexer.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Stands in for Lambda's SQS event source mapping: receives batches, invokes the handler with the
 * JSON event Lambda would send, deletes the records that are not in the response's
 * {@code batchItemFailures} and leaves the rest to reappear after the visibility timeout (and reach
 * the DLQ after maxReceiveCount, which the queue itself enforces). A handler that throws, or answers
 * with something that is not a partial batch response, fails its whole batch, as on Lambda.
 */
public final class EventSourcePoller implements AutoCloseable {

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final RequestStreamHandler handler;
    private final int batchSize;
    private final int functionTimeoutMillis;
    private final ExecutorService pollers;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public EventSourcePoller(
            SqsClient sqs,
            String queueUrl,
            String queueArn,
            RequestStreamHandler handler,
            int batchSize,
            int concurrency,
            int functionTimeoutMillis) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.handler = handler;
        this.batchSize = batchSize;
        this.functionTimeoutMillis = functionTimeoutMillis;
        this.pollers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "event-source-poller");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < concurrency; i++) {
            pollers.submit(this::pollUntilClosed);
        }
    }

    private void pollUntilClosed() {
        while (running.get()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (running.get()) {
                    System.err.println("event source poller: " + e);
                    sleepQuietly(500);
                }
            }
        }
    }

    private void pollOnce() {
        ReceiveMessageResponse response = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All"));
        if (!response.hasMessages() || response.messages().isEmpty()) {
            return;
        }
        List<Message> messages = response.messages();
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        Set<String> failed;
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(SqsLambdaEvents.event(messages, queueArn)),
                    result,
                    new LocalContext(functionTimeoutMillis));
            failed = SqsLambdaEvents.failedMessageIds(result.toByteArray());
        } catch (IOException | RuntimeException escaped) {
            System.err.println(
                    "handler threw or answered no partial batch response, so the whole batch will be redelivered: "
                            + escaped);
            return;
        }
        deleteAllBut(messages, failed);
    }

    private void deleteAllBut(List<Message> messages, Set<String> failed) {
        if (!messages.stream()
                .map(Message::messageId)
                .collect(Collectors.toSet())
                .containsAll(failed)) {
            System.err.println("the response names messages that are not in the batch " + failed
                    + ", so the whole batch will be redelivered, as Lambda does");
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
        }
        if (!entries.isEmpty()) {
            sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pollers.shutdown();
        if (!pollers.awaitTermination(10, TimeUnit.SECONDS)) {
            pollers.shutdownNow();
        }
    }
}
