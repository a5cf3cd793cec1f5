package io.docindexer.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the index stores for one S3 object.
 *
 * @param sequencer the S3 event's sequencer, which orders events for the same key
 * @param status the code of {@code ObjectStatus.INDEXED} or {@code ObjectStatus.METADATA_ONLY} (the index cannot see that enum)
 * @param reason why the content is missing (a {@code MetadataOnlyReason} code), or null when indexed
 * @param content the extracted text, or null for metadata-only documents; counted in the record's
 *     summary, not stored (the index keeps it as {@code pageTexts})
 * @param pageTexts the same text page by page, which is what the index stores and searches; empty
 *     for metadata-only documents
 * @param metadata what the file says about itself (title, author, dates, camera...), by field
 *     name in the mapping; only the fields the file has
 * @param languages ISO 639-1 codes of the text's languages, most letters first
 * @param sha256 hex SHA-256 of the object's bytes, or null when they were not read (too large)
 * @param userMetadata the object's {@code x-amz-meta-*} values, names without the prefix
 * @param thumbnailKey the key of the object's thumbnail in the thumbnail bucket, or null when it has none
 */
public record IndexedDocument(
        String bucket,
        String key,
        String versionId,
        String eTag,
        String sequencer,
        long size,
        String contentType,
        String extension,
        String status,
        String reason,
        int pages,
        int ocrPages,
        boolean ocr,
        String content,
        List<PageText> pageTexts,
        Instant lastModified,
        Map<String, Object> metadata,
        List<String> languages,
        String sha256,
        Map<String, String> userMetadata,
        Instant indexedAt,
        String thumbnailKey) {}
