package io.docindexer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigMetricsTest {

    private static Map<String, String> required() {
        Map<String, String> env = new HashMap<>();
        env.put(IngestConfig.OPENSEARCH_ENDPOINT, "https://search.example.com");
        env.put(IngestConfig.DLQ_URL, "https://sqs.eu-west-1.amazonaws.com/123456789012/dlq");
        return env;
    }

    @Test
    void metricsGoToTheDocIndexerNamespaceByFunctionNameUnlessConfigured() {
        Map<String, String> env = required();
        env.put(IngestConfig.AWS_LAMBDA_FUNCTION_NAME, "docindexer-IngestFunction-abc");

        IngestConfig config = IngestConfig.fromEnv(env);

        assertThat(config.metricsNamespace()).isEqualTo("DocIndexer");
        assertThat(config.metricsDimension()).isEqualTo("FunctionName");
        assertThat(config.functionName()).isEqualTo("docindexer-IngestFunction-abc");
    }

    @Test
    void readsTheNamespaceAndTheDimensionName() {
        Map<String, String> env = required();
        env.put(IngestConfig.METRICS_NAMESPACE, "Team/DocIndexer");
        env.put(IngestConfig.METRICS_DIMENSION, "Stage");

        IngestConfig config = IngestConfig.fromEnv(env);

        assertThat(config.metricsNamespace()).isEqualTo("Team/DocIndexer");
        assertThat(config.metricsDimension()).isEqualTo("Stage");
        assertThat(config.functionName()).isEqualTo("local");
    }

    @Test
    void rejectsAReservedNamespaceAndADimensionStartingWithAColon() {
        Map<String, String> env = required();
        env.put(IngestConfig.METRICS_NAMESPACE, "AWS/Lambda");
        env.put(IngestConfig.METRICS_DIMENSION, ":Function");

        assertThatThrownBy(() -> IngestConfig.fromEnv(env))
                .hasMessageContaining("METRICS_NAMESPACE is 'AWS/Lambda'")
                .hasMessageContaining("METRICS_DIMENSION is ':Function'");
    }
}
