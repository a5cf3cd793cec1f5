package io.docindexer.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses an SQS message body into object events. Understands S3 event notifications sent straight
 * to SQS, the same wrapped in an SNS notification, the S3 test event, EventBridge "Object
 * Created"/"Object Deleted" events, and the function's own page-range tasks.
 *
 * <p>S3 notification keys are URL-encoded with {@code +} for a space; EventBridge keys are not
 * encoded, so only the notification form is decoded.
 */
public final class S3EventParser {

    private static final int MAX_SEQUENCER_DIGITS = 32;
    private static final Pattern SEQUENCER = Pattern.compile("[0-9A-Fa-f]{1," + MAX_SEQUENCER_DIGITS + "}");

    private final ObjectMapper json;

    public S3EventParser(ObjectMapper json) {
        this.json = json;
    }

    public ParsedMessage parse(String body) {
        if (body == null || body.isBlank()) {
            throw new UnusableMessageException("message body is empty");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException notJson) {
            throw new UnusableMessageException("message body is not JSON: " + notJson.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnusableMessageException("message body is JSON but not an object");
        }
        if ("Notification".equals(root.path("Type").asText()) && root.hasNonNull("Message")) {
            return parse(root.get("Message").asText());
        }
        if ("s3:TestEvent".equals(root.path("Event").asText())) {
            return new ParsedMessage.TestEvent(root.path("Bucket").asText(null));
        }
        if ("aws.s3".equals(root.path("source").asText()) && root.has("detail")) {
            return new ParsedMessage.ObjectEvents(List.of(fromEventBridge(root)));
        }
        if (root.path(PageRangeTaskJson.FIELD).isObject()) {
            return new ParsedMessage.PageRangeRead(PageRangeTaskJson.decode(root.get(PageRangeTaskJson.FIELD)));
        }
        if (root.path("Records").isArray()) {
            return new ParsedMessage.ObjectEvents(fromNotification(root.get("Records")));
        }
        throw new UnusableMessageException(
                "message is not an S3 event notification (no Records, not an s3:TestEvent, SNS or EventBridge event)");
    }

    private List<ObjectEvent> fromNotification(JsonNode records) {
        if (records.isEmpty()) {
            throw new UnusableMessageException("S3 notification has an empty Records array");
        }
        List<ObjectEvent> events = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            String eventName = text(record, "eventName");
            JsonNode s3 = record.path("s3");
            JsonNode object = s3.path("object");
            events.add(new ObjectEvent(
                    kindOf(eventName, "ObjectCreated:", "ObjectRemoved:"),
                    text(s3.path("bucket"), "name"),
                    decodeKey(text(object, "key")),
                    object.path("size").asLong(0),
                    object.path("eTag").asText(null),
                    object.path("versionId").asText(null),
                    sequencer(object),
                    instant(record.path("eventTime")),
                    eventName));
        }
        return events;
    }

    private ObjectEvent fromEventBridge(JsonNode root) {
        String detailType = text(root, "detail-type");
        JsonNode detail = root.path("detail");
        JsonNode object = detail.path("object");
        return new ObjectEvent(
                kindOf(detailType, "Object Created", "Object Deleted"),
                text(detail.path("bucket"), "name"),
                text(object, "key"),
                object.path("size").asLong(0),
                object.path("etag").asText(null),
                object.path("version-id").asText(null),
                sequencer(object),
                instant(root.path("time")),
                detailType);
    }

    private static ObjectEvent.Kind kindOf(String eventName, String createdPrefix, String removedPrefix) {
        if (eventName.startsWith(createdPrefix)) {
            return ObjectEvent.Kind.CREATED;
        }
        if (eventName.startsWith(removedPrefix)) {
            return ObjectEvent.Kind.REMOVED;
        }
        throw new UnusableMessageException("unsupported S3 event '" + eventName
                + "'; configure the bucket notification for ObjectCreated and ObjectRemoved only");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new UnusableMessageException("S3 event has no '" + field + "'");
        }
        return value.asText();
    }

    /**
     * S3 sequencers are hex (16 to 18 digits in practice, at most 32 here, the width the index
     * stores). Anything else can never be ordered against other events of its key, so it is an
     * unusable message, rejected at once rather than failing every retry at the index.
     */
    static String sequencer(JsonNode object) {
        JsonNode value = object.get("sequencer");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !SEQUENCER.matcher(value.asText()).matches()) {
            throw new UnusableMessageException("S3 event sequencer '" + value.asText()
                    + "' is not a hex string of 1 to " + MAX_SEQUENCER_DIGITS + " digits");
        }
        return value.asText();
    }

    static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException unparsable) {
            return null;
        }
    }

    /** S3 encodes keys like an HTML form: {@code +} is a space and {@code %2B} a plus. */
    static String decodeKey(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new UnusableMessageException("S3 object key '" + encoded + "' is not validly URL-encoded", badEscape);
        }
    }
}
