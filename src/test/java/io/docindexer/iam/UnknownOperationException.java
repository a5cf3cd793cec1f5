package io.docindexer.iam;

/** An SDK request whose IAM permissions {@link AwsPermissions} cannot tell. */
final class UnknownOperationException extends RuntimeException {

    UnknownOperationException(String message) {
        super(message);
    }
}
