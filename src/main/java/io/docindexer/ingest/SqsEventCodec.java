package io.docindexer.ingest;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the SQS event Lambda's event source mapping sends and writes the partial batch response
 * it expects, with the Jackson the function loads anyway. Lambda's own serialiser would do the
 * same through a shaded Jackson and reflection over the event classes, loaded on the first
 * invocation: about 800 classes and a quarter of a second of every cold start, none of it in a
 * SnapStart snapshot.
 */
final class SqsEventCodec {

    private final ObjectMapper json;

    SqsEventCodec(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The records of an SQS event as the event source mapping sends it, field for field as Lambda's
     * serialiser would read them (absent and null stay null).
     *
     * @throws IllegalArgumentException if the payload is not an SQS event, saying what to send instead
     */
    List<SQSMessage> readRecords(InputStream event) throws IOException {
        JsonNode records;
        try {
            records = json.readTree(event).path("Records");
        } catch (JsonProcessingException notJson) {
            throw notAnSqsEvent("it is not JSON (" + notJson.getOriginalMessage() + ")");
        }
        if (!records.isArray()) {
            throw notAnSqsEvent("it has no Records array");
        }
        List<SQSMessage> messages = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            if (!record.isObject()) {
                throw notAnSqsEvent(
                        "record " + messages.size() + " of its Records is " + record.getNodeType() + ", not an object");
            }
            messages.add(message(record));
        }
        return messages;
    }

    private static IllegalArgumentException notAnSqsEvent(String why) {
        return new IllegalArgumentException("the invocation's payload is not an SQS event: " + why + "."
                + " The ingest function is invoked by its SQS event source mapping; to invoke it by hand,"
                + " send an SQS event such as the repository's events/s3-put.json");
    }

    /** The partial batch response, as Lambda's serialiser writes it (a null identifier is left out). */
    void writeResponse(SQSBatchResponse response, OutputStream out) throws IOException {
        ObjectNode root = json.createObjectNode();
        ArrayNode failures = root.putArray("batchItemFailures");
        if (response.getBatchItemFailures() != null) {
            for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                ObjectNode item = failures.addObject();
                if (failure.getItemIdentifier() != null) {
                    item.put("itemIdentifier", failure.getItemIdentifier());
                }
            }
        }
        out.write(json.writeValueAsBytes(root));
        out.flush();
    }

    private static SQSMessage message(JsonNode record) {
        SQSMessage message = new SQSMessage();
        message.setMessageId(text(record, "messageId"));
        message.setReceiptHandle(text(record, "receiptHandle"));
        message.setBody(text(record, "body"));
        message.setMd5OfBody(text(record, "md5OfBody"));
        message.setMd5OfMessageAttributes(text(record, "md5OfMessageAttributes"));
        message.setEventSource(text(record, "eventSource"));
        message.setEventSourceArn(text(record, "eventSourceARN"));
        message.setAwsRegion(text(record, "awsRegion"));
        message.setAttributes(map(record.get("attributes"), JsonNode::asText));
        message.setMessageAttributes(map(record.get("messageAttributes"), SqsEventCodec::messageAttribute));
        return message;
    }

    private static MessageAttribute messageAttribute(JsonNode value) {
        MessageAttribute attribute = new MessageAttribute();
        attribute.setDataType(text(value, "dataType"));
        attribute.setStringValue(text(value, "stringValue"));
        attribute.setBinaryValue(bytes(text(value, "binaryValue")));
        attribute.setStringListValues(list(value.get("stringListValues"), JsonNode::asText));
        attribute.setBinaryListValues(list(value.get("binaryListValues"), element -> bytes(element.asText())));
        return attribute;
    }

    /** A map, or null when absent or null; a null value stays null. */
    private static <T> Map<String, T> map(JsonNode object, Function<JsonNode, T> value) {
        if (object == null || object.isNull()) {
            return null;
        }
        Map<String, T> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), orNull(entry.getValue(), value)));
        return map;
    }

    /** A list, or null when absent or null; a null element stays null. */
    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        if (array == null || array.isNull()) {
            return null;
        }
        List<T> list = new ArrayList<>(array.size());
        array.forEach(item -> list.add(orNull(item, element)));
        return list;
    }

    private static <T> T orNull(JsonNode node, Function<JsonNode, T> convert) {
        return node.isNull() ? null : convert.apply(node);
    }

    /** Lambda sends binary attribute values in base64. */
    private static ByteBuffer bytes(String base64) {
        return base64 == null ? null : ByteBuffer.wrap(Base64.getDecoder().decode(base64));
    }

    /** The field as text, or null when it is absent or JSON null, as Lambda's serialiser leaves it. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
