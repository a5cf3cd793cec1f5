package io.docindexer.index;

/**
 * The index could not take the request at all (connection failure, timeout, throttling or a
 * server error for the whole request): none of its operations are known to be applied, so the
 * caller retries them all.
 */
public class IndexUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public IndexUnavailableException(String message) {
        super(message);
    }
}
