package io.docindexer.ingest;

import io.docindexer.extract.DocumentMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A file's own metadata as the index's {@code metadata} object: the fields the file has, by their
 * names in the mapping, dates as ISO-8601 instants. Absent values are left out rather than
 * written as null, so an app can tell "no title" with an {@code exists} query.
 */
final class MetadataFields {

    private static final Map<String, Function<DocumentMetadata, Object>> FIELDS = fields();

    private MetadataFields() {}

    static Map<String, Object> of(DocumentMetadata metadata) {
        Map<String, Object> fields = new LinkedHashMap<>();
        FIELDS.forEach((name, value) -> {
            Object field = value.apply(metadata);
            if (field != null) {
                fields.put(name, field instanceof Instant instant ? instant.toString() : field);
            }
        });
        return fields;
    }

    private static Map<String, Function<DocumentMetadata, Object>> fields() {
        Map<String, Function<DocumentMetadata, Object>> fields = new LinkedHashMap<>();
        fields.put("title", DocumentMetadata::title);
        fields.put("author", DocumentMetadata::author);
        fields.put("subject", DocumentMetadata::subject);
        fields.put("keywords", DocumentMetadata::keywords);
        fields.put("creatorTool", DocumentMetadata::creatorTool);
        fields.put("producer", DocumentMetadata::producer);
        fields.put("created", DocumentMetadata::created);
        fields.put("modified", DocumentMetadata::modified);
        fields.put("taken", DocumentMetadata::taken);
        fields.put("cameraMake", DocumentMetadata::cameraMake);
        fields.put("cameraModel", DocumentMetadata::cameraModel);
        fields.put("orientation", DocumentMetadata::orientation);
        fields.put("to", DocumentMetadata::to);
        return fields;
    }
}
