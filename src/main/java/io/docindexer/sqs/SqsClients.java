package io.docindexer.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the SDK clients of both functions the same way, once per container: on one HTTP client
 * that all of a function's clients share, with explicit timeouts (the SDK has none by default) and
 * the function's name in the User-Agent, and pointed at the local stack when an endpoint is set.
 */
public final class SqsClients {

    private SqsClients() {}

    /** The HTTP client a function's SDK clients share (the ingest function's S3 client too). */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * @param apiCall the most a call may take, retries included
     * @param apiCallAttempt the most one attempt may take, so a stalled connection is retried
     * @param appId the function's name in every request's User-Agent ({@code app/ID}), so CloudTrail
     *     (and the tests' IAM check) can tell which function made a call
     */
    public static ClientOverrideConfiguration overrides(Duration apiCall, Duration apiCallAttempt, String appId) {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(apiCall)
                .apiCallAttemptTimeout(apiCallAttempt)
                .appId(appId)
                .build();
    }

    /** @param endpoint an endpoint override (the local ElasticMQ); empty on AWS */
    public static SqsClient create(SdkHttpClient http, ClientOverrideConfiguration overrides, Optional<URI> endpoint) {
        SqsClientBuilder builder = SqsClient.builder().httpClient(http).overrideConfiguration(overrides);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
