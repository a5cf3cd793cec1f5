package io.docindexer.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.invocation.FifoQueues;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** A send to a FIFO queue needs a message group and a deduplication id; a standard queue takes neither. */
final class FifoSends {

    private FifoSends() {}

    static SendMessageRequest.Builder ordered(
            SendMessageRequest.Builder request, String queueUrl, String groupId, String deduplicationId) {
        return FifoQueues.isFifo(queueUrl)
                ? request.messageGroupId(groupId).messageDeduplicationId(deduplicationId)
                : request;
    }

    /** The record's own message group, so a resend keeps its place among its group; {@code otherwise} for a standard queue's. */
    static String groupOf(SQSMessage message, String otherwise) {
        return message.getAttributes() == null
                ? otherwise
                : message.getAttributes().getOrDefault(MessageAttributes.MESSAGE_GROUP_ID, otherwise);
    }
}
