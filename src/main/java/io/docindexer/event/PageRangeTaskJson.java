package io.docindexer.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A page-range task as an SQS message body: {@code {"pageRangeTask": {...}}} with the event's
 * fields as an S3 notification spells them (the key not URL-encoded), the range and all ranges.
 */
public final class PageRangeTaskJson {

    static final String FIELD = "pageRangeTask";

    private PageRangeTaskJson() {}

    public static String encode(PageRangeTask task, ObjectMapper json) {
        ObjectEvent event = task.event();
        ObjectNode root = json.createObjectNode();
        ObjectNode body = root.putObject(FIELD);
        body.put("bucket", event.bucket());
        body.put("eventName", event.eventName());
        body.put(
                "eventTime",
                event.eventTime() == null ? null : event.eventTime().toString());
        ObjectNode object = body.putObject("object");
        object.put("key", event.key());
        object.put("size", event.size());
        object.put("eTag", event.eTag());
        object.put("versionId", event.versionId());
        object.put("sequencer", event.sequencer());
        body.set("range", pair(json, task.range()));
        ArrayNode ranges = body.putArray("allRanges");
        task.allRanges().forEach(range -> ranges.add(pair(json, range)));
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException("a tree of strings and numbers did not serialise", impossible);
        }
    }

    /** @throws UnusableMessageException when a field is missing or not what it should be */
    static PageRangeTask decode(JsonNode body) {
        JsonNode object = body.path("object");
        ObjectEvent event = new ObjectEvent(
                ObjectEvent.Kind.CREATED,
                S3EventParser.text(body, "bucket"),
                S3EventParser.text(object, "key"),
                object.path("size").asLong(0),
                object.path("eTag").asText(null),
                object.path("versionId").asText(null),
                S3EventParser.sequencer(object),
                S3EventParser.instant(body.path("eventTime")),
                body.path("eventName").asText(null));
        List<PageRange> ranges = new ArrayList<>();
        body.path("allRanges").forEach(range -> ranges.add(range(range)));
        try {
            return new PageRangeTask(event, range(body.path("range")), ranges);
        } catch (IllegalArgumentException inconsistent) {
            throw new UnusableMessageException("page-range task: " + inconsistent.getMessage());
        }
    }

    private static ArrayNode pair(ObjectMapper json, PageRange range) {
        return json.createArrayNode().add(range.first()).add(range.last());
    }

    private static PageRange range(JsonNode pair) {
        if (!pair.isArray()
                || pair.size() != 2
                || !pair.get(0).isInt()
                || !pair.get(1).isInt()) {
            throw new UnusableMessageException("page-range task: a range is not [first, last]: " + pair);
        }
        try {
            return new PageRange(pair.get(0).asInt(), pair.get(1).asInt());
        } catch (IllegalArgumentException notARange) {
            throw new UnusableMessageException("page-range task: " + notARange.getMessage());
        }
    }
}
