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
 * everything else, known or not, is retried, and backed off when OpenSearch or S3 failed: an
 * unknown error that is really permanent still ends in the DLQ after maxReceiveCount, where an
 * operator sees it, whereas a transient one wrongly rejected would be lost work.
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

    /**
     * A retry that says what failed and why, for a failure that cannot mean an unusable message (a
     * bulk request's). It is a downstream failure, to be backed off, when OpenSearch or S3 could not
     * be reached or answered with throttling or a server error; anything else (a 4xx, a bug) is
     * the record's own and takes the normal path to the DLQ.
     */
    public static RecordOutcome.Retry retry(String messageId, String context, Throwable error) {
        Category category = category(error);
        return new RecordOutcome.Retry(
                messageId, context + ": " + category.name() + " (" + message(error) + ")", category.downstream());
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    /** @param downstream whether the service failed, rather than the record */
    private record Category(String name, boolean downstream) {}

    private static Category category(Throwable error) {
        if (error instanceof SdkServiceException service) {
            if (service.isThrottlingException()) {
                return new Category("throttled", true);
            }
            int status = service.statusCode();
            return status >= 500
                    ? new Category("server error " + status, true)
                    : new Category("refused with " + status, false);
        }
        if (error instanceof ApiCallTimeoutException
                || error instanceof ApiCallAttemptTimeoutException
                || hasCause(error, SocketTimeoutException.class)) {
            return new Category("timed out", true);
        }
        if (hasCause(error, ConnectException.class)) {
            return new Category("connection refused", true);
        }
        if (error instanceof IndexAccessDeniedException) {
            return new Category("OpenSearch refused access", true);
        }
        if (error instanceof IndexUnavailableException) {
            return new Category("OpenSearch unavailable", true);
        }
        if (error instanceof SdkClientException
                || error instanceof IOException
                || error instanceof UncheckedIOException) {
            return new Category("I/O failure", true);
        }
        return new Category("unexpected " + error.getClass().getName(), false);
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
