package io.docindexer.cache;

import io.docindexer.extract.ExtractedDocument;
import java.time.Instant;

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
        ExtractedDocument document) {}
