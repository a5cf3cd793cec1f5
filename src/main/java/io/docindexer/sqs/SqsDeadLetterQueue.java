package io.docindexer.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.batch.DeadLetterQueue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends an unusable message to the DLQ with why it was rejected in message attributes, so an
 * operator (or the redrive function's filters) can see the reason without parsing logs.
 */
public final class SqsDeadLetterQueue implements DeadLetterQueue {

    /** SQS limits a message attribute value to the message size; a reason this long is already noise. */
    private static final int MAX_REASON_LENGTH = 1_000;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeadLetterQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(SQSMessage message, String errorClass, String reason) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(MessageAttributes.ERROR_CLASS, text(errorClass));
        attributes.put(
                MessageAttributes.REASON,
                text(reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason));
        attributes.put(
                MessageAttributes.FIRST_FAILURE_TIME,
                text(firstReceived(message).toString()));
        attributes.put(MessageAttributes.ORIGINAL_MESSAGE_ID, text(message.getMessageId()));
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                // An empty body is itself a reason for rejection, but SQS refuses to send one.
                .messageBody(message.getBody() == null || message.getBody().isEmpty() ? "(empty)" : message.getBody())
                .messageAttributes(attributes);
        sqs.sendMessage(
                FifoSends.ordered(request, queueUrl, FifoSends.groupOf(message, "rejected"), message.getMessageId())
                        .build());
    }

    private static Instant firstReceived(SQSMessage message) {
        String millis = message.getAttributes() == null
                ? null
                : message.getAttributes().get(MessageAttributes.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP);
        try {
            return millis == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException garbled) {
            return Instant.now();
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
