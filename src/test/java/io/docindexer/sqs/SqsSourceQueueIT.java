package io.docindexer.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalServersExtension.class)
class SqsSourceQueueIT {

    @Test
    void deletesFinishedMessagesFromTheQueueNamedByTheirEventSourceArn(LocalServers stack) {
        LocalServers.Queues queues = stack.createQueues("early-delete-" + UUID.randomUUID(), 30, 5);
        for (int i = 0; i < 12; i++) {
            int n = i;
            stack.sqs().sendMessage(r -> r.queueUrl(queues.queueUrl()).messageBody("message " + n));
        }
        List<SQSMessage> received = receiveAll(stack, queues, 12);

        new SqsSourceQueue(stack.sqs()).delete(received);

        assertThat(stack.sqs()
                        .getQueueAttributes(r -> r.queueUrl(queues.queueUrl())
                                .attributeNames(
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes())
                .containsOnly(
                        Map.entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"),
                        Map.entry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    private static List<SQSMessage> receiveAll(LocalServers stack, LocalServers.Queues queues, int expected) {
        List<SQSMessage> messages = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && messages.size() < expected; attempt++) {
            for (Message message : stack.sqs()
                    .receiveMessage(r -> r.queueUrl(queues.queueUrl()).maxNumberOfMessages(10))
                    .messages()) {
                SQSMessage record = new SQSMessage();
                record.setMessageId(message.messageId());
                record.setReceiptHandle(message.receiptHandle());
                record.setEventSourceArn(queues.queueArn());
                messages.add(record);
            }
        }
        assertThat(messages).hasSize(expected);
        return messages;
    }
}
