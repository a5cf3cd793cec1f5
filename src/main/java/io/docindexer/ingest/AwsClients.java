package io.docindexer.ingest;

import io.docindexer.config.IngestConfig;
import io.docindexer.sqs.SqsClients;
import java.time.Duration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per container, with explicit timeouts, sharing one HTTP client.
 * Endpoint overrides point them at the local stack.
 */
public final class AwsClients implements AutoCloseable {

    /**
     * Sent in every request's User-Agent ({@code app/docindexer-ingest}), so CloudTrail shows which
     * function made a call; the IAM check of the integration tests tells the functions apart by it.
     */
    public static final String APP_ID = "docindexer-ingest";

    private final SdkHttpClient http;
    private final S3Client s3;
    private final SqsClient sqs;

    public AwsClients(IngestConfig config) {
        this.http = SqsClients.httpClient();
        ClientOverrideConfiguration overrides =
                SqsClients.overrides(Duration.ofSeconds(60), Duration.ofSeconds(20), APP_ID);

        S3ClientBuilder s3Builder = S3Client.builder().httpClient(http).overrideConfiguration(overrides);
        config.s3Endpoint()
                .ifPresent(endpoint -> s3Builder
                        .endpointOverride(endpoint)
                        .forcePathStyle(true)
                        // S3-compatible servers do not all speak the SDK's newer default checksums.
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        this.s3 = s3Builder.build();

        this.sqs = SqsClients.create(http, overrides, config.sqsEndpoint());
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    @Override
    public void close() {
        s3.close();
        sqs.close();
        http.close();
    }
}
