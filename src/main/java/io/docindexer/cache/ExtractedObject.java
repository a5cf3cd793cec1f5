package io.docindexer.cache;

import io.docindexer.extract.ExtractedDocument;
import java.time.Instant;
import java.util.Map;

/**
 * One object version with what was extracted from it: everything needed to index it, and what
 * the cache keeps so a retry can index it again without downloading or extracting it.
 */
public record ExtractedObject(
        long size,
        String contentType,
        String eTag,
        String versionId,
        Instant lastModified,
        ExtractedDocument document,
        String sha256,
        Map<String, String> userMetadata) {

    public ExtractedObject {
        // Absent in cache entries written before user metadata was kept, and for unread objects.
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    }

    /** The same object version with another reading of it. */
    public ExtractedObject withDocument(ExtractedDocument read) {
        return new ExtractedObject(size, contentType, eTag, versionId, lastModified, read, sha256, userMetadata);
    }
}
