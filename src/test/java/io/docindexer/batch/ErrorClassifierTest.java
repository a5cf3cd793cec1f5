package io.docindexer.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.event.UnusableMessageException;
import io.docindexer.index.IndexAccessDeniedException;
import io.docindexer.index.IndexUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class ErrorClassifierTest {

    @Test
    void anUnusableMessageIsRejected() {
        Preparation preparation =
                ErrorClassifier.classify("m1", "parsing", new UnusableMessageException("not JSON"), List.of());

        assertThat(preparation).isEqualTo(new Preparation.Rejected("m1", "not JSON", List.of()));
    }

    @Test
    void throttlingIsRetriedAndSaysSo() {
        S3Exception slowDown = (S3Exception) S3Exception.builder()
                .statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("SlowDown")
                        .errorMessage("Please reduce your request rate.")
                        .build())
                .message("Please reduce your request rate.")
                .build();

        assertThat(reasonFor(slowDown)).startsWith("s3://b/k: throttled");
    }

    @Test
    void serverErrorsAndRefusalsAreRetriedWithTheirStatus() {
        assertThat(reasonFor(
                        S3Exception.builder().statusCode(500).message("boom").build()))
                .contains("server error 500");
        assertThat(reasonFor(S3Exception.builder()
                        .statusCode(403)
                        .message("Access Denied")
                        .build()))
                .contains("refused with 403 (Access Denied)");
    }

    @Test
    void timeoutsAndRefusedConnectionsAreRetried() {
        assertThat(reasonFor(ApiCallTimeoutException.create(60_000))).contains("timed out");
        assertThat(reasonFor(SdkClientException.create("io", new SocketTimeoutException("read timed out"))))
                .contains("timed out");
        assertThat(reasonFor(new IndexUnavailableException("down", new ConnectException("Connection refused"))))
                .contains("connection refused");
        assertThat(reasonFor(new IndexUnavailableException("OpenSearch answered 503")))
                .contains("OpenSearch unavailable");
    }

    @Test
    void openSearchRefusingAccessIsRetriedAndSaysSo() {
        IndexAccessDeniedException refused = new IndexAccessDeniedException(
                "Cannot prepare index documents-v1: OpenSearch refused PUT /documents-v1 (security_exception)", null);

        assertThat(reasonFor(refused)).contains("OpenSearch refused access (Cannot prepare index documents-v1");
    }

    @Test
    void ioFailuresAreRetried() {
        assertThat(reasonFor(new UncheckedIOException(new IOException("disk full"))))
                .contains("I/O failure");
    }

    @Test
    void unknownErrorsAreRetriedNotDropped() {
        assertThat(reasonFor(new IllegalStateException("surprise")))
                .contains("unexpected java.lang.IllegalStateException (surprise)");
    }

    @Test
    void outagesAndThrottlingAreDownstreamFailuresToBackOff() {
        assertThat(downstream(S3Exception.builder()
                        .statusCode(503)
                        .message("Slow Down")
                        .build()))
                .isTrue();
        assertThat(downstream(ApiCallTimeoutException.create(60_000))).isTrue();
        assertThat(downstream(new IndexUnavailableException("down", new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(downstream(new IndexAccessDeniedException("403 security_exception", null)))
                .isTrue();
        assertThat(downstream(SdkClientException.create("Unable to execute HTTP request")))
                .isTrue();
    }

    @Test
    void refusalsOfTheRecordsOwnAndBugsAreNotBackedOff() {
        assertThat(downstream(S3Exception.builder()
                        .statusCode(400)
                        .message("Bad Request")
                        .build()))
                .isFalse();
        assertThat(downstream(new IllegalStateException("a bug"))).isFalse();
        assertThat(downstream(new OutOfMemoryError("Java heap space"))).isFalse();
    }

    private static boolean downstream(Throwable error) {
        return ErrorClassifier.retry("m1", "s3://b/k", error).downstream();
    }

    private static String reasonFor(Throwable error) {
        Preparation preparation = ErrorClassifier.classify("m1", "s3://b/k", error, List.of());
        assertThat(preparation).isInstanceOf(Preparation.Settled.class);
        RecordOutcome outcome = ((Preparation.Settled) preparation).outcome();
        assertThat(outcome).isInstanceOf(RecordOutcome.Retry.class);
        return outcome.detail();
    }
}
