package io.docindexer.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Stands in for Lambda's SQS event source mapping: receives batches, invokes the handler, deletes
 * the records that are not in {@code batchItemFailures} and leaves the rest to reappear after the
 * visibility timeout (and reach the DLQ after maxReceiveCount, which the queue itself enforces).
 * A handler that throws fails its whole batch, as on Lambda.
 */
public final class EventSourcePoller implements AutoCloseable {

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final int batchSize;
    private final int functionTimeoutMillis;
    private final ExecutorService pollers;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public EventSourcePoller(SqsClient sqs, String queueUrl, String queueArn,
            RequestHandler<SQSEvent, SQSBatchResponse> handler, int batchSize, int concurrency,
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
        ReceiveMessageResponse response = sqs.receiveMessage(request -> request
                .queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All"));
        if (!response.hasMessages() || response.messages().isEmpty()) {
            return;
        }
        List<Message> messages = response.messages();
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::toRecord).toList());
        SQSBatchResponse result;
        try {
            result = handler.handleRequest(event, new LocalContext(functionTimeoutMillis));
        } catch (RuntimeException escaped) {
            System.err.println("handler threw, so the whole batch will be redelivered: " + escaped);
            return;
        }
        deleteSucceeded(messages, result);
    }

    private void deleteSucceeded(List<Message> messages, SQSBatchResponse result) {
        Set<String> failed = new HashSet<>();
        if (result != null && result.getBatchItemFailures() != null) {
            result.getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
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

    private SQSEvent.SQSMessage toRecord(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(LocalStack.REGION);
        Map<String, String> attributes = new HashMap<>();
        message.attributesAsStrings().forEach(attributes::put);
        record.setAttributes(attributes);
        Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> messageAttributes.put(name, toAttribute(value)));
        record.setMessageAttributes(messageAttributes);
        return record;
    }

    private static SQSEvent.MessageAttribute toAttribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        return attribute;
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
