package io.docindexer.cli;

/** The command line was wrong; the message says how to call it right. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
