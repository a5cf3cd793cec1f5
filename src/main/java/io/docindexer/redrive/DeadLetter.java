package io.docindexer.redrive;

import io.docindexer.sqs.MessageAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One message received from the dead-letter queue, with what a filter and a faithful resend need.
 *
 * @param receiptHandle this receive's handle: the message can be deleted or released with it
 * @param attributes the message attributes, kept as sent so that they travel back with the body
 *     (our rejections carry ErrorClass, Reason, FirstFailureTime and OriginalMessageId)
 * @param sentAt when the message entered SQS (SentTimestamp): for a message moved here after
 *     maxReceiveCount failures that is when it was first sent to the source queue, not when it
 *     arrived in the DLQ
 * @param messageGroupId the FIFO message group, {@code null} on a standard queue
 */
public record DeadLetter(
        String messageId,
        String receiptHandle,
        String body,
        Map<String, Attribute> attributes,
        Instant sentAt,
        int receiveCount,
        String messageGroupId) {

    public DeadLetter {
        attributes = Map.copyOf(attributes);
    }

    /**
     * A message attribute as SQS carries it: String and Number types hold text; Binary types
     * hold their bytes in base64, so that nothing is lost on the way back.
     */
    public record Attribute(String dataType, String value) {

        public static Attribute text(String value) {
            return new Attribute("String", value);
        }

        public boolean isBinary() {
            return dataType.startsWith("Binary");
        }
    }

    /**
     * The ErrorClass the ingest function gave a message it rejected, e.g. UnusableMessage; empty for
     * a message that reached the DLQ through maxReceiveCount, which carries none.
     */
    public Optional<String> errorClass() {
        Attribute attribute = attributes.get(MessageAttributes.ERROR_CLASS);
        return attribute == null || attribute.isBinary() ? Optional.empty() : Optional.of(attribute.value());
    }
}
