package io.docindexer.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the ingest function needs from its environment, validated once at init so a bad
 * setting fails the deployment loudly instead of every batch quietly.
 *
 * @param openSearchEndpoint where documents go; {@code https} is signed with SigV4, {@code http}
 *     is plain (the local stack)
 * @param openSearchService the SigV4 service name: {@code es} for a domain, {@code aoss} for a
 *     serverless collection
 * @param s3Endpoint an endpoint override for S3 (the local S3Proxy); empty on AWS
 * @param sqsEndpoint an endpoint override for SQS (the local ElasticMQ); empty on AWS
 * @param cacheBucket where extraction results are kept for retries; empty disables the cache
 * @param thumbnailBucket where thumbnails of PDFs and images are kept for the app; empty stores none
 * @param metricsNamespace the CloudWatch namespace of the per-batch metrics
 * @param metricsDimension the name of the one dimension the metrics carry; its value is
 *     {@code functionName}
 * @param functionName AWS_LAMBDA_FUNCTION_NAME, which Lambda sets; "local" elsewhere
 * @param backoffFirst how long a record that failed because OpenSearch or S3 did stays hidden after
 *     its first delivery, at most (see {@code batch.Backoff}); doubled for each later delivery
 * @param backoffMax the longest it stays hidden, at most SQS's 12 hours
 * @param maxArchiveEntries entries and attachments a zip or an e-mail may hold, nested ones included
 * @param maxArchiveBytes uncompressed bytes they may hold together
 * @param maxArchiveDepth how many containers deep entries are read
 * @param pagesPerRange how many scanned pages of a big scan one page-range task reads: a PDF with
 *     more is read by concurrent invocations, a range each (ingest.FanOut); 0 reads every scan in
 *     one message and its continuations
 */
public record IngestConfig(
        URI openSearchEndpoint,
        String openSearchService,
        String indexName,
        String dlqUrl,
        String ocrLanguages,
        long maxObjectBytes,
        int maxPages,
        long maxPixelsPerPage,
        int maxChars,
        int maxArchiveEntries,
        long maxArchiveBytes,
        int maxArchiveDepth,
        Optional<URI> s3Endpoint,
        Optional<URI> sqsEndpoint,
        Optional<String> cacheBucket,
        Optional<String> thumbnailBucket,
        String metricsNamespace,
        String metricsDimension,
        String functionName,
        Duration backoffFirst,
        Duration backoffMax,
        int pagesPerRange) {

    public static final String OPENSEARCH_ENDPOINT = "OPENSEARCH_ENDPOINT";
    public static final String OPENSEARCH_SERVICE = "OPENSEARCH_SERVICE";
    public static final String INDEX_NAME = "INDEX_NAME";
    public static final String DLQ_URL = "DLQ_URL";
    public static final String OCR_LANGUAGES = "OCR_LANGUAGES";
    public static final String MAX_OBJECT_BYTES = "MAX_OBJECT_BYTES";
    public static final String MAX_PAGES = "MAX_PAGES";
    public static final String MAX_PIXELS_PER_PAGE = "MAX_PIXELS_PER_PAGE";
    public static final String MAX_CHARS = "MAX_CHARS";
    public static final String MAX_ARCHIVE_ENTRIES = "MAX_ARCHIVE_ENTRIES";
    public static final String MAX_ARCHIVE_BYTES = "MAX_ARCHIVE_BYTES";
    public static final String MAX_ARCHIVE_DEPTH = "MAX_ARCHIVE_DEPTH";
    public static final String S3_ENDPOINT = "S3_ENDPOINT";
    public static final String SQS_ENDPOINT = "SQS_ENDPOINT";
    public static final String CACHE_BUCKET = "CACHE_BUCKET";
    public static final String THUMBNAIL_BUCKET = "THUMBNAIL_BUCKET";
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";
    public static final String METRICS_DIMENSION = "METRICS_DIMENSION";
    public static final String AWS_LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    public static final String BACKOFF_FIRST_SECONDS = "BACKOFF_FIRST_SECONDS";
    public static final String BACKOFF_MAX_SECONDS = "BACKOFF_MAX_SECONDS";
    public static final String PAGES_PER_RANGE = "PAGES_PER_RANGE";

    /**
     * About 10 to 20 s of OCR for one invocation of the template's size, and a 300-page scan in
     * 30 invocations at once, well inside the default concurrency.
     */
    private static final int DEFAULT_PAGES_PER_RANGE = 10;

    /**
     * With MaxReceiveCount 5, the fifth delivery comes at least 20 + 40 + 80 + 160 minutes, halved
     * by jitter, after the first: 2.5 hours, longer than a two-hour outage (README, "During an
     * OpenSearch outage").
     */
    private static final long DEFAULT_BACKOFF_FIRST_SECONDS = 1_200;

    /** 4 hours: far inside the queue's four-day retention, and SQS allows at most 12. */
    private static final long DEFAULT_BACKOFF_MAX_SECONDS = 14_400;

    /** The longest visibility timeout SQS accepts (batch.Backoff.SQS_MAX; config does not depend on batch). */
    private static final long SQS_MAX_VISIBILITY_SECONDS = 43_200;

    /** The variables a deployment must set (the template test checks template.yaml sets them all). */
    public static final Set<String> DEPLOYED_VARIABLES = Set.of(
            OPENSEARCH_ENDPOINT,
            OPENSEARCH_SERVICE,
            INDEX_NAME,
            DLQ_URL,
            OCR_LANGUAGES,
            MAX_OBJECT_BYTES,
            MAX_PAGES,
            MAX_PIXELS_PER_PAGE,
            MAX_CHARS,
            MAX_ARCHIVE_ENTRIES,
            MAX_ARCHIVE_BYTES,
            MAX_ARCHIVE_DEPTH,
            PAGES_PER_RANGE,
            CACHE_BUCKET,
            THUMBNAIL_BUCKET,
            METRICS_NAMESPACE);

    private static final Set<String> SERVICES = Set.of("es", "aoss");
    // OpenSearch index names: lowercase, no leading '_', '-' or '+', none of \ / * ? " < > | , # : or space.
    private static final String INDEX_NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,200}";
    private static final String LANGUAGES_PATTERN = "[a-z_]+(\\+[a-z_]+)*";
    // S3 bucket naming rules, short form: 3-63 lowercase letters, digits, dots and hyphens.
    private static final String BUCKET_PATTERN = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";
    // CloudWatch's rules; the AWS/ prefix is reserved for AWS's own namespaces.
    private static final String NAMESPACE_PATTERN = "(?!AWS/)[0-9A-Za-z.\\-_/#: ]{1,255}";
    private static final String DIMENSION_PATTERN = "(?!:)[\\x21-\\x7E][\\x20-\\x7E]{0,254}";

    public static IngestConfig fromEnv(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        IngestConfig config = new IngestConfig(
                reader.requiredUri(OPENSEARCH_ENDPOINT),
                reader.oneOf(OPENSEARCH_SERVICE, SERVICES, "es"),
                reader.matching(
                                INDEX_NAME,
                                INDEX_NAME_PATTERN,
                                "a lowercase OpenSearch index name"
                                        + " (letters, digits, '.', '_', '-'; not starting with '_' or '-')")
                        .orElse("documents"),
                reader.required(DLQ_URL),
                reader.matching(
                                OCR_LANGUAGES,
                                LANGUAGES_PATTERN,
                                "Tesseract language codes joined by '+', e.g. eng+jpn")
                        .orElse("eng+jpn"),
                reader.positive(MAX_OBJECT_BYTES, 100L * 1024 * 1024, Long.MAX_VALUE),
                (int) reader.positive(MAX_PAGES, 2_000, Integer.MAX_VALUE),
                reader.positive(MAX_PIXELS_PER_PAGE, 100_000_000L, Long.MAX_VALUE),
                (int) reader.positive(MAX_CHARS, 5_000_000, Integer.MAX_VALUE),
                (int) reader.positive(MAX_ARCHIVE_ENTRIES, 1_000, Integer.MAX_VALUE),
                reader.positive(MAX_ARCHIVE_BYTES, 1L << 30, Long.MAX_VALUE),
                (int) reader.positive(MAX_ARCHIVE_DEPTH, 3, Integer.MAX_VALUE),
                reader.optionalUri(S3_ENDPOINT),
                reader.optionalUri(SQS_ENDPOINT),
                reader.matching(CACHE_BUCKET, BUCKET_PATTERN, "an S3 bucket name"),
                reader.matching(THUMBNAIL_BUCKET, BUCKET_PATTERN, "an S3 bucket name"),
                reader.matching(
                                METRICS_NAMESPACE,
                                NAMESPACE_PATTERN,
                                "a CloudWatch namespace: up to 255 letters,"
                                        + " digits and . - _ / # : or space, not starting with AWS/")
                        .orElse("DocIndexer"),
                reader.matching(
                                METRICS_DIMENSION,
                                DIMENSION_PATTERN,
                                "a CloudWatch dimension name: up to 255"
                                        + " printable ASCII characters, not starting with ':'")
                        .orElse("FunctionName"),
                reader.value(AWS_LAMBDA_FUNCTION_NAME).orElse("local"),
                Duration.ofSeconds(reader.positive(
                        BACKOFF_FIRST_SECONDS, DEFAULT_BACKOFF_FIRST_SECONDS, SQS_MAX_VISIBILITY_SECONDS)),
                Duration.ofSeconds(
                        reader.positive(BACKOFF_MAX_SECONDS, DEFAULT_BACKOFF_MAX_SECONDS, SQS_MAX_VISIBILITY_SECONDS)),
                (int) reader.whole(PAGES_PER_RANGE, DEFAULT_PAGES_PER_RANGE, 0, Integer.MAX_VALUE));
        if (config.backoffFirst().compareTo(config.backoffMax()) > 0) {
            reader.problem(
                    BACKOFF_FIRST_SECONDS + " is " + config.backoffFirst().toSeconds() + ", more than "
                            + BACKOFF_MAX_SECONDS + " (" + config.backoffMax().toSeconds()
                            + "); the first backoff must not exceed the longest");
        }
        reader.throwIfProblems();
        return config;
    }
}
