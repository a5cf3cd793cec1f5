package io.docindexer.sqs;

import io.docindexer.redrive.DeadLetter;
import io.docindexer.redrive.DeadLetterQueueGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** The dead-letter queue and its source queue on SQS. */
public final class SqsDeadLetterQueueGateway implements DeadLetterQueueGateway {

    /** SQS's limits: ten messages per receive or batch, visibility timeouts of up to twelve hours. */
    private static final int MAX_BATCH = 10;

    private static final long MAX_VISIBILITY_SECONDS = 12 * 3600;
    /** Long enough for a long poll, which asks every SQS server, so an empty answer means empty. */
    private static final int WAIT_SECONDS = 1;

    private final SqsClient sqs;
    private final String dlqUrl;
    private final String sourceQueueUrl;

    public SqsDeadLetterQueueGateway(SqsClient sqs, String dlqUrl, String sourceQueueUrl) {
        this.sqs = sqs;
        this.dlqUrl = dlqUrl;
        this.sourceQueueUrl = sourceQueueUrl;
    }

    @Override
    public List<DeadLetter> receive(Duration hiddenFor) {
        long seconds = Math.max(1, Math.min(MAX_VISIBILITY_SECONDS, (hiddenFor.toMillis() + 999) / 1000));
        return sqs
                .receiveMessage(request -> request.queueUrl(dlqUrl)
                        .maxNumberOfMessages(MAX_BATCH)
                        .waitTimeSeconds(WAIT_SECONDS)
                        .visibilityTimeout((int) seconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All"))
                .messages()
                .stream()
                .map(SqsDeadLetterQueueGateway::toDeadLetter)
                .toList();
    }

    @Override
    public String sendToSource(DeadLetter letter) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        letter.attributes().forEach((name, attribute) -> attributes.put(name, toSqs(attribute)));
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(sourceQueueUrl)
                .messageBody(letter.body())
                .messageAttributes(attributes);
        // The DLQ message id as deduplication id: a redrive retried within five minutes is not sent twice.
        return sqs.sendMessage(FifoSends.ordered(
                                request,
                                sourceQueueUrl,
                                letter.messageGroupId() == null ? "redrive" : letter.messageGroupId(),
                                letter.messageId())
                        .build())
                .messageId();
    }

    @Override
    public void delete(DeadLetter letter) {
        sqs.deleteMessage(request -> request.queueUrl(dlqUrl).receiptHandle(letter.receiptHandle()));
    }

    @Override
    public List<String> release(List<DeadLetter> letters) {
        List<String> notReleased = new ArrayList<>();
        for (int start = 0; start < letters.size(); start += MAX_BATCH) {
            List<DeadLetter> chunk = letters.subList(start, Math.min(letters.size(), start + MAX_BATCH));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (DeadLetter letter : chunk) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .receiptHandle(letter.receiptHandle())
                        .visibilityTimeout(0)
                        .build());
            }
            try {
                ChangeMessageVisibilityBatchResponse response = sqs.changeMessageVisibilityBatch(
                        request -> request.queueUrl(dlqUrl).entries(entries));
                response.failed()
                        .forEach(failure -> notReleased.add(
                                chunk.get(Integer.parseInt(failure.id())).messageId()));
            } catch (RuntimeException unreachable) {
                // Releasing only hurries them: they reappear by themselves when their timeout ends.
                chunk.forEach(letter -> notReleased.add(letter.messageId()));
            }
        }
        return notReleased;
    }

    private static DeadLetter toDeadLetter(Message message) {
        Map<String, DeadLetter.Attribute> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, fromSqs(value)));
        Map<MessageSystemAttributeName, String> system = message.attributes();
        return new DeadLetter(
                message.messageId(),
                message.receiptHandle(),
                message.body(),
                attributes,
                Instant.ofEpochMilli(
                        Long.parseLong(system.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0"))),
                Integer.parseInt(system.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
                system.get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
    }

    private static DeadLetter.Attribute fromSqs(MessageAttributeValue value) {
        return value.binaryValue() != null
                ? new DeadLetter.Attribute(
                        value.dataType(),
                        Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()))
                : new DeadLetter.Attribute(value.dataType(), value.stringValue());
    }

    private static MessageAttributeValue toSqs(DeadLetter.Attribute attribute) {
        MessageAttributeValue.Builder value = MessageAttributeValue.builder().dataType(attribute.dataType());
        return attribute.isBinary()
                ? value.binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(attribute.value())))
                        .build()
                : value.stringValue(attribute.value()).build();
    }
}
