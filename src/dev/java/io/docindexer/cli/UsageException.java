package io.docindexer.cli;

/** The command line was wrong; the message says how to call it right. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
