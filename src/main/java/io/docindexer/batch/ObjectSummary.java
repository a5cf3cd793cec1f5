package io.docindexer.batch;

/** What happened to one object, for logs, metrics and the local demo. Never carries content. */
public record ObjectSummary(
        String bucket, String key, String status, String reason, int pages, int ocrPages, int chars,
        long bytes, long extractMillis) {

    public static ObjectSummary of(String bucket, String key, String status) {
        return new ObjectSummary(bucket, key, status, null, 0, 0, 0, 0, 0);
    }
}
