package io.docindexer.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to one S3 object, whatever envelope it arrived in.
 *
 * @param key the object key, already URL-decoded: exactly what S3's API expects
 * @param size the size the event claims; the source trusts only what S3 actually returns
 * @param versionId the version id on versioned buckets, otherwise {@code null}
 * @param sequencer S3's per-key ordering token (hex, variable length); {@code null} only for forms
 *     that do not carry one
 */
public record ObjectEvent(
        Kind kind,
        String bucket,
        String key,
        long size,
        String eTag,
        String versionId,
        String sequencer,
        Instant eventTime,
        String eventName) {

    public enum Kind {
        CREATED,
        REMOVED
    }

    public ObjectEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** The last path segment of the key: what a person calls the file. */
    public String fileName() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }
}
