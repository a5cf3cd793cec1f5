package io.docindexer.source;

/** The object was deleted (or overwritten, for a versioned fetch) after its event was sent. */
public final class ObjectGoneException extends RuntimeException {

    public ObjectGoneException(String bucket, String key) {
        super("s3://" + bucket + "/" + key + " no longer exists");
    }
}
