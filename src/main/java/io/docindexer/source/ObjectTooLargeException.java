package io.docindexer.source;

/**
 * The object is bigger than MAX_OBJECT_BYTES; it is recorded metadata-only instead of downloaded.
 * {@link #size()} is the size S3 reported or, when S3 did not say, the bytes read before stopping.
 */
public final class ObjectTooLargeException extends RuntimeException {

    private final long size;

    public ObjectTooLargeException(long size, long limit) {
        super("object is over the limit of " + limit + " bytes (MAX_OBJECT_BYTES); read " + size);
        this.size = size;
    }

    public long size() {
        return size;
    }
}
