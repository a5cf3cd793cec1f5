package io.docindexer.batch;

/**
 * What happened to one object, for logs, metrics and the local demo. Never carries content.
 *
 * @param reason why the object is metadata-only (a {@code MetadataOnlyReason} code), skipped or
 *     continued; {@code null} when it was indexed or deleted
 */
public record ObjectSummary(
        String bucket,
        String key,
        ObjectStatus status,
        String reason,
        int pages,
        int ocrPages,
        int chars,
        long bytes,
        long extractMillis) {

    /** An object nothing was extracted from: deleted, skipped or continued. */
    public static ObjectSummary of(String bucket, String key, ObjectStatus status, String reason) {
        return new ObjectSummary(bucket, key, status, reason, 0, 0, 0, 0, 0);
    }
}
