package io.docindexer.source;

import java.util.Map;

/**
 * The object is bigger than MAX_OBJECT_BYTES; it is recorded metadata-only instead of downloaded.
 * {@link #size()} is the size S3 reported or, when S3 did not say, the bytes read before stopping;
 * {@link #userMetadata()} its {@code x-amz-meta-*} headers, which the record keeps.
 */
public final class ObjectTooLargeException extends RuntimeException {

    private final long size;
    private final Map<String, String> userMetadata;

    public ObjectTooLargeException(long size, long limit, Map<String, String> userMetadata) {
        super("object is over the limit of " + limit + " bytes (MAX_OBJECT_BYTES); read " + size);
        this.size = size;
        this.userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    }

    public Map<String, String> userMetadata() {
        return userMetadata;
    }

    public long size() {
        return size;
    }
}
