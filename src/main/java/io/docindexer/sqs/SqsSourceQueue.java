package io.docindexer.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.batch.SourceQueue;
import io.docindexer.invocation.FifoQueues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The queue a batch came from, named by its records' event source ARN (its URL is looked up once):
 * deletes finished records, sends continuations and new tasks back to it, and hides records to
 * back them off.
 */
public final class SqsSourceQueue implements SourceQueue {

    /** SQS deletes and sends at most ten messages per request. */
    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    public SqsSourceQueue(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public void delete(List<SQSMessage> messages) {
        for (int start = 0; start < messages.size(); start += MAX_BATCH) {
            List<SQSMessage> chunk = messages.subList(start, Math.min(messages.size(), start + MAX_BATCH));
            String queueUrl = queueUrl(chunk.get(0).getEventSourceArn());
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (SQSMessage message : chunk) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .receiptHandle(message.getReceiptHandle())
                        .build());
            }
            DeleteMessageBatchResponse response =
                    sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(
                        "SQS did not delete " + response.failed().size() + " of " + chunk.size() + " messages: "
                                + response.failed().get(0).message());
            }
        }
    }

    @Override
    public void sendContinuation(SQSMessage message, String progress) {
        String queueUrl = queueUrl(message.getEventSourceArn());
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(message.getBody())
                .messageAttributes(Map.of(
                        MessageAttributes.CONTINUATION,
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(progress)
                                .build()));
        sqs.sendMessage(FifoSends.ordered(
                        request,
                        queueUrl,
                        FifoSends.groupOf(message, "continuations"),
                        message.getMessageId() + "-" + Math.abs(progress.hashCode()))
                .build());
    }

    /**
     * Sends new messages to a standard queue, ten per request (a FIFO queue would need a group for
     * each: callers do not send there).
     *
     * @throws IllegalStateException when SQS refused one of them
     */
    public void sendAll(String queueArn, List<String> bodies) {
        if (FifoQueues.isFifo(queueArn)) {
            throw new IllegalArgumentException(queueArn + " is a FIFO queue: new messages there need a group");
        }
        String queueUrl = queueUrl(queueArn);
        for (int start = 0; start < bodies.size(); start += MAX_BATCH) {
            List<String> chunk = bodies.subList(start, Math.min(bodies.size(), start + MAX_BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (String body : chunk) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .messageBody(body)
                        .build());
            }
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(
                        "SQS did not take " + response.failed().size() + " of " + chunk.size() + " messages: "
                                + response.failed().get(0).message());
            }
        }
    }

    @Override
    public void changeVisibility(SQSMessage message, Duration invisibleFor) {
        String queueUrl = queueUrl(message.getEventSourceArn());
        sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl)
                .receiptHandle(message.getReceiptHandle())
                .visibilityTimeout(Math.toIntExact(invisibleFor.toSeconds())));
    }

    /** {@code arn:aws:sqs:REGION:ACCOUNT:NAME} to the queue's URL, which only SQS knows for sure. */
    private String queueUrl(String queueArn) {
        return queueUrls.computeIfAbsent(queueArn, arn -> {
            String[] parts = arn.split(":");
            if (parts.length != 6 || !"sqs".equals(parts[2])) {
                throw new IllegalArgumentException("'" + arn + "' is not an SQS queue ARN");
            }
            return sqs.getQueueUrl(request -> request.queueName(parts[5]).queueOwnerAWSAccountId(parts[4]))
                    .queueUrl();
        });
    }
}
