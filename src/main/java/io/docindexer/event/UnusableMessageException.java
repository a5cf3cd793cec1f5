package io.docindexer.event;

/** The message body is not an S3 event in any form we know; retrying it cannot help. */
public final class UnusableMessageException extends RuntimeException {

    public UnusableMessageException(String reason) {
        super(reason);
    }

    public UnusableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
