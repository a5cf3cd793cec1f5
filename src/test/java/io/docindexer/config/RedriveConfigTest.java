package io.docindexer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedriveConfigTest {

    private static final String DLQ_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/docs-ingest-dlq";
    private static final String DLQ_ARN = "arn:aws:sqs:eu-west-1:123456789012:docs-ingest-dlq";
    private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/docs-ingest";
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:123456789012:docs-ingest";

    @Test
    void theDeployedVariablesMakeAConfig() {
        RedriveConfig config = RedriveConfig.fromEnv(deployed());

        assertThat(config).isEqualTo(new RedriveConfig(DLQ_URL, DLQ_ARN, QUEUE_URL, QUEUE_ARN, Optional.empty()));
    }

    @Test
    void theLocalStackOverridesTheSqsEndpoint() {
        Map<String, String> env = deployed();
        env.put(RedriveConfig.SQS_ENDPOINT, "http://127.0.0.1:9324");

        assertThat(RedriveConfig.fromEnv(env).sqsEndpoint()).contains(URI.create("http://127.0.0.1:9324"));
    }

    @Test
    void everyMissingVariableIsListedAtOnce() {
        assertThat(problems(Map.of()))
                .containsExactly(
                        "DLQ_URL is not set; it is required",
                        "DLQ_ARN is not set; it is required",
                        "SOURCE_QUEUE_URL is not set; it is required",
                        "SOURCE_QUEUE_ARN is not set; it is required");
    }

    @Test
    void malformedValuesAreNamedWithTheExpectedForm() {
        Map<String, String> env = deployed();
        env.put(RedriveConfig.DLQ_ARN, "docs-ingest-dlq");
        env.put(RedriveConfig.SOURCE_QUEUE_URL, "docs-ingest");
        env.put(RedriveConfig.SQS_ENDPOINT, "localhost:9324");

        assertThat(problems(env))
                .containsExactly(
                        "DLQ_ARN is 'docs-ingest-dlq'; expected an SQS queue ARN, arn:aws:sqs:REGION:ACCOUNT:NAME",
                        "SOURCE_QUEUE_URL is 'docs-ingest'; expected an http:// or https:// URL with a host",
                        "SQS_ENDPOINT is 'localhost:9324'; expected an http:// or https:// URL with a host");
    }

    @Test
    void aUrlAndAnArnThatNameDifferentQueuesAreCaught() {
        Map<String, String> env = deployed();
        env.put(RedriveConfig.DLQ_ARN, QUEUE_ARN);
        env.put(RedriveConfig.SOURCE_QUEUE_ARN, DLQ_ARN);

        assertThat(problems(env))
                .containsExactly(
                        "DLQ_URL (" + DLQ_URL + ") and DLQ_ARN (" + QUEUE_ARN + ") name different queues",
                        "SOURCE_QUEUE_URL (" + QUEUE_URL + ") and SOURCE_QUEUE_ARN (" + DLQ_ARN
                                + ") name different queues");
    }

    @Test
    void theDeadLetterQueueCannotBeItsOwnDestination() {
        Map<String, String> env = deployed();
        env.put(RedriveConfig.SOURCE_QUEUE_URL, DLQ_URL);
        env.put(RedriveConfig.SOURCE_QUEUE_ARN, DLQ_ARN);

        assertThat(problems(env)).singleElement().asString().contains("are the same queue");
    }

    private static Map<String, String> deployed() {
        Map<String, String> env = new HashMap<>();
        env.put(RedriveConfig.DLQ_URL, DLQ_URL);
        env.put(RedriveConfig.DLQ_ARN, DLQ_ARN);
        env.put(RedriveConfig.SOURCE_QUEUE_URL, QUEUE_URL);
        env.put(RedriveConfig.SOURCE_QUEUE_ARN, QUEUE_ARN);
        return env;
    }

    private static List<String> problems(Map<String, String> env) {
        return catchThrowableOfType(ConfigurationException.class, () -> RedriveConfig.fromEnv(env))
                .problems();
    }
}
