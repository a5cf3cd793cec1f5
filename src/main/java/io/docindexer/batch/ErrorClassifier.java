package io.docindexer.batch;

import io.docindexer.event.UnusableMessageException;
import io.docindexer.index.IndexAccessDeniedException;
import io.docindexer.index.IndexUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The one place that decides what an exception means for a record. Content problems never get
 * here (extraction returns them as metadata-only documents); an unusable message is rejected; and
 * everything else, known or not, is retried: an unknown error that is really permanent still ends
 * in the DLQ after maxReceiveCount, where an operator sees it, whereas a transient one wrongly
 * rejected would be lost work.
 */
public final class ErrorClassifier {

    private ErrorClassifier() {}

    /**
     * What a failure while preparing a record leaves it with.
     *
     * @param context what was being done, e.g. the object's s3:// address
     * @param objects what was done to the record's objects before the failure
     */
    public static Preparation classify(String messageId, String context, Throwable error, List<ObjectSummary> objects) {
        if (error instanceof UnusableMessageException) {
            return new Preparation.Rejected(messageId, error.getMessage(), objects);
        }
        return new Preparation.Settled(retry(messageId, context, error), objects);
    }

    /** A retry that says what failed and why, for a failure that cannot mean an unusable message (a bulk request's). */
    public static RecordOutcome.Retry retry(String messageId, String context, Throwable error) {
        return new RecordOutcome.Retry(messageId, context + ": " + retryReason(error));
    }

    /** A short, operator-readable category followed by the error's own message. */
    static String retryReason(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return category(error) + " (" + message + ")";
    }

    private static String category(Throwable error) {
        if (error instanceof SdkServiceException service) {
            if (service.isThrottlingException()) {
                return "throttled";
            }
            int status = service.statusCode();
            return status >= 500 ? "server error " + status : "refused with " + status;
        }
        if (error instanceof ApiCallTimeoutException
                || error instanceof ApiCallAttemptTimeoutException
                || hasCause(error, SocketTimeoutException.class)) {
            return "timed out";
        }
        if (hasCause(error, ConnectException.class)) {
            return "connection refused";
        }
        if (error instanceof IndexAccessDeniedException) {
            return "OpenSearch refused access";
        }
        if (error instanceof IndexUnavailableException) {
            return "OpenSearch unavailable";
        }
        if (error instanceof SdkClientException
                || error instanceof IOException
                || error instanceof UncheckedIOException) {
            return "I/O failure";
        }
        return "unexpected " + error.getClass().getName();
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
