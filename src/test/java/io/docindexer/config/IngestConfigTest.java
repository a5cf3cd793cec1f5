package io.docindexer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENSEARCH_ENDPOINT", "https://search-docs.eu-west-1.es.amazonaws.com");
        env.put("DLQ_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/docindexer-dlq");
        return env;
    }

    @Test
    void appliesDefaultsToEverythingOptional() {
        IngestConfig config = IngestConfig.fromEnv(minimal());

        assertThat(config.openSearchEndpoint()).isEqualTo(URI.create("https://search-docs.eu-west-1.es.amazonaws.com"));
        assertThat(config.openSearchService()).isEqualTo("es");
        assertThat(config.indexName()).isEqualTo("documents");
        assertThat(config.ocrLanguages()).isEqualTo("eng+jpn");
        assertThat(config.maxObjectBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(config.maxPages()).isEqualTo(2_000);
        assertThat(config.s3Endpoint()).isEmpty();
        assertThat(config.sqsEndpoint()).isEmpty();
        assertThat(config.cacheBucket()).isEmpty();
        assertThat(config.thumbnailBucket()).isEmpty();
        assertThat(config.backoffFirst()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.backoffMax()).isEqualTo(Duration.ofHours(4));
        assertThat(config.maxArchiveEntries()).isEqualTo(1_000);
        assertThat(config.maxArchiveBytes()).isEqualTo(1L << 30);
        assertThat(config.maxArchiveDepth()).isEqualTo(3);
        assertThat(config.pagesPerRange()).isEqualTo(10);
    }

    @Test
    void readsEveryVariable() {
        Map<String, String> env = minimal();
        env.put("OPENSEARCH_SERVICE", "aoss");
        env.put("INDEX_NAME", "contracts");
        env.put("OCR_LANGUAGES", "jpn");
        env.put("MAX_OBJECT_BYTES", "1000");
        env.put("MAX_PAGES", "10");
        env.put("MAX_PIXELS_PER_PAGE", "2000000");
        env.put("MAX_CHARS", "500");
        env.put("S3_ENDPOINT", "http://127.0.0.1:9000");
        env.put("SQS_ENDPOINT", "http://127.0.0.1:9324");
        env.put("CACHE_BUCKET", "docindexer-cache");
        env.put("THUMBNAIL_BUCKET", "docindexer-thumbnails");
        env.put("BACKOFF_FIRST_SECONDS", "5");
        env.put("BACKOFF_MAX_SECONDS", "40");
        env.put("MAX_ARCHIVE_ENTRIES", "50");
        env.put("MAX_ARCHIVE_BYTES", "1000000");
        env.put("MAX_ARCHIVE_DEPTH", "1");
        env.put("PAGES_PER_RANGE", "0");

        IngestConfig config = IngestConfig.fromEnv(env);

        assertThat(config.maxArchiveEntries()).isEqualTo(50);
        assertThat(config.maxArchiveBytes()).isEqualTo(1_000_000);
        assertThat(config.maxArchiveDepth()).isEqualTo(1);
        assertThat(config.pagesPerRange()).as("0 turns page ranges off").isZero();

        assertThat(config.backoffFirst()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.backoffMax()).isEqualTo(Duration.ofSeconds(40));
        assertThat(config.cacheBucket()).contains("docindexer-cache");
        assertThat(config.thumbnailBucket()).contains("docindexer-thumbnails");
        assertThat(config.openSearchService()).isEqualTo("aoss");
        assertThat(config.indexName()).isEqualTo("contracts");
        assertThat(config.ocrLanguages()).isEqualTo("jpn");
        assertThat(config.maxObjectBytes()).isEqualTo(1000);
        assertThat(config.maxPages()).isEqualTo(10);
        assertThat(config.maxPixelsPerPage()).isEqualTo(2_000_000);
        assertThat(config.maxChars()).isEqualTo(500);
        assertThat(config.s3Endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(config.sqsEndpoint()).contains(URI.create("http://127.0.0.1:9324"));
    }

    @Test
    void listsEveryProblemAtOnceNamingTheVariableAndWhatIsExpected() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENSEARCH_SERVICE", "elasticsearch");
        env.put("INDEX_NAME", "My Index");
        env.put("MAX_PAGES", "-3");
        env.put("MAX_CHARS", "lots");
        env.put("OCR_LANGUAGES", "eng, jpn");
        env.put("S3_ENDPOINT", "localhost:9000");
        env.put("CACHE_BUCKET", "Not_A_Bucket");

        ConfigurationException error =
                catchThrowableOfType(ConfigurationException.class, () -> IngestConfig.fromEnv(env));

        assertThat(error.problems()).hasSize(9);
        assertThat(error.getMessage())
                .contains("OPENSEARCH_ENDPOINT is not set")
                .contains("DLQ_URL is not set")
                .contains("OPENSEARCH_SERVICE is 'elasticsearch'; expected one of [aoss, es]")
                .contains("INDEX_NAME is 'My Index'")
                .contains("MAX_PAGES is '-3'")
                .contains("MAX_CHARS is 'lots'")
                .contains("OCR_LANGUAGES is 'eng, jpn'")
                .contains("S3_ENDPOINT is 'localhost:9000'; expected an http:// or https:// URL")
                .contains("CACHE_BUCKET is 'Not_A_Bucket'; expected an S3 bucket name");
    }

    @Test
    void rejectsLimitsThatDoNotFitTheirType() {
        Map<String, String> env = minimal();
        env.put("MAX_PAGES", "3000000000");

        ConfigurationException error =
                catchThrowableOfType(ConfigurationException.class, () -> IngestConfig.fromEnv(env));

        assertThat(error.problems())
                .containsExactly("MAX_PAGES is '3000000000'; expected a whole number from 1 to 2147483647");
    }

    @Test
    void pageRangesCanBeTurnedOffButNotMadeNegative() {
        Map<String, String> env = minimal();
        env.put("PAGES_PER_RANGE", "-1");
        env.put("MAX_ARCHIVE_DEPTH", "0");

        ConfigurationException error =
                catchThrowableOfType(ConfigurationException.class, () -> IngestConfig.fromEnv(env));

        assertThat(error.problems())
                .containsExactlyInAnyOrder(
                        "PAGES_PER_RANGE is '-1'; expected a whole number from 0 to 2147483647",
                        "MAX_ARCHIVE_DEPTH is '0'; expected a whole number from 1 to 2147483647");
    }

    @Test
    void rejectsABackoffSqsWouldRefuseOrThatStartsAboveItsMaximum() {
        Map<String, String> tooLong = minimal();
        tooLong.put("BACKOFF_MAX_SECONDS", "86400");
        Map<String, String> upsideDown = minimal();
        upsideDown.put("BACKOFF_FIRST_SECONDS", "600");
        upsideDown.put("BACKOFF_MAX_SECONDS", "60");

        assertThat(catchThrowableOfType(ConfigurationException.class, () -> IngestConfig.fromEnv(tooLong))
                        .problems())
                .containsExactly("BACKOFF_MAX_SECONDS is '86400'; expected a whole number from 1 to 43200");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> IngestConfig.fromEnv(upsideDown))
                        .problems())
                .containsExactly("BACKOFF_FIRST_SECONDS is 600, more than BACKOFF_MAX_SECONDS (60);"
                        + " the first backoff must not exceed the longest");
    }
}
