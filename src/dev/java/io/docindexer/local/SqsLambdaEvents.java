package io.docindexer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The JSON Lambda's SQS event source mapping exchanges with a function: the event it sends for a
 * batch of received messages, and the partial batch response it reads back.
 */
public final class SqsLambdaEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsLambdaEvents() {}

    /** The event for messages received with all system and message attributes. */
    public static byte[] event(List<Message> messages, String queueArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes()
                    .forEach((name, value) -> messageAttribute(messageAttributes.putObject(name), value));
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", LocalServers.REGION);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an SQS event", e);
        }
    }

    private static void messageAttribute(ObjectNode json, MessageAttributeValue value) {
        json.put("stringValue", value.stringValue());
        json.put("binaryValue", value.binaryValue() == null ? null : base64(value.binaryValue()));
        ArrayNode strings = json.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = json.putArray("binaryListValues");
        value.binaryListValues().forEach(binary -> binaries.add(base64(binary)));
        json.put("dataType", value.dataType());
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    /**
     * The message ids a partial batch response names.
     *
     * @throws IllegalArgumentException when it is not one, which Lambda treats as the whole batch failing
     */
    public static Set<String> failedMessageIds(byte[] response) {
        JsonNode failures;
        try {
            failures = JSON.readTree(response).path("batchItemFailures");
        } catch (IOException notJson) {
            throw new IllegalArgumentException("the response is not JSON: " + notJson.getMessage(), notJson);
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("a batch item failure without an itemIdentifier: " + failure);
            }
            ids.add(id);
        }
        return ids;
    }
}
