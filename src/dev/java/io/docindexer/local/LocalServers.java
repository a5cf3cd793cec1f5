package io.docindexer.local;

import io.docindexer.config.IngestConfig;
import io.docindexer.config.RedriveConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole pipeline's servers on loopback, with no AWS account: ElasticMQ for SQS, S3Proxy for
 * S3 and the real OpenSearch. Creates the buckets (documents, extraction cache, thumbnails), the
 * queue and its DLQ the way template.yaml does.
 */
public final class LocalServers implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String BUCKET = "docindexer-local";
    public static final String CACHE_BUCKET = "docindexer-local-cache";
    public static final String THUMBNAIL_BUCKET = "docindexer-local-thumbnails";
    public static final String QUEUE = "docindexer-ingest";
    public static final String INDEX = "documents";

    private final OpenSearchServer openSearch;
    private final URI functionOpenSearchEndpoint;
    private final boolean ownsOpenSearch;
    private final LocalSqs sqsServer;
    private final LocalS3 s3Server;
    private final S3Client s3;
    private final SqsClient sqs;

    /** A source queue and the DLQ its RedrivePolicy names. */
    /** Locally a backoff starts at one visibility timeout and doubles up to eight. */
    private static final int LOCAL_BACKOFF_MAX_FACTOR = 8;

    public record Queues(String queueUrl, String queueArn, String dlqUrl, String dlqArn) {}

    private LocalServers(
            OpenSearchServer openSearch,
            URI functionOpenSearchEndpoint,
            boolean ownsOpenSearch,
            LocalSqs sqsServer,
            LocalS3 s3Server) {
        this.openSearch = openSearch;
        this.functionOpenSearchEndpoint = functionOpenSearchEndpoint;
        this.ownsOpenSearch = ownsOpenSearch;
        this.sqsServer = sqsServer;
        this.s3Server = s3Server;
        this.s3 = S3Client.builder()
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .endpointOverride(s3Server.endpoint())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        this.sqs = SqsClient.builder()
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .endpointOverride(sqsServer.endpoint())
                .build();
        s3.createBucket(request -> request.bucket(BUCKET));
        s3.createBucket(request -> request.bucket(CACHE_BUCKET));
        s3.createBucket(request -> request.bucket(THUMBNAIL_BUCKET));
    }

    /** Starts every server on free ports; OpenSearch takes about half a minute, the others a second. */
    public static LocalServers start() throws Exception {
        return start(LocalBinding.ANY_ON_LOOPBACK);
    }

    public static LocalServers start(LocalBinding binding) throws Exception {
        binding.requireFree();
        OpenSearchServer openSearch = OpenSearchServer.fromBuild(binding.host(), binding.openSearch());
        openSearch.start();
        try {
            return around(openSearch, openSearch.endpoint(), true, binding);
        } catch (Exception | Error e) {
            openSearch.close();
            throw e;
        }
    }

    /**
     * Starts SQS and S3 beside an OpenSearch server someone else runs (and stops).
     *
     * @param functionOpenSearchEndpoint the OpenSearch endpoint the functions' environment names:
     *     the server's own, or something in front of it, such as the proxy through which the
     *     integration tests record the ingest function's requests
     */
    public static LocalServers around(OpenSearchServer openSearch, URI functionOpenSearchEndpoint) throws Exception {
        return around(openSearch, functionOpenSearchEndpoint, false, LocalBinding.ANY_ON_LOOPBACK);
    }

    private static LocalServers around(
            OpenSearchServer openSearch, URI functionOpenSearchEndpoint, boolean owned, LocalBinding binding)
            throws Exception {
        useLocalCredentials();
        LocalSqs sqs = LocalSqs.start(binding.host(), binding.sqs());
        try {
            return new LocalServers(
                    openSearch, functionOpenSearchEndpoint, owned, sqs, LocalS3.start(binding.host(), binding.s3()));
        } catch (Exception | Error e) {
            sqs.close();
            throw e;
        }
    }

    /**
     * The SDK's default credential and region chains read these system properties: the handler
     * builds its clients exactly as on Lambda, and the local servers accept any credentials.
     */
    private static void useLocalCredentials() {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setProperty("aws.region", REGION);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    /** Creates a queue and its DLQ, wired the way template.yaml wires them on AWS. */
    public Queues createQueues(String name, int visibilityTimeoutSeconds, int maxReceiveCount) {
        String dlqUrl =
                sqs.createQueue(request -> request.queueName(name + "-dlq")).queueUrl();
        String dlqArn = arnOf(dlqUrl);
        String redrivePolicy =
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds));
        attributes.put(QueueAttributeName.REDRIVE_POLICY, redrivePolicy);
        String queueUrl = sqs.createQueue(request -> request.queueName(name).attributes(attributes))
                .queueUrl();
        return new Queues(queueUrl, arnOf(queueUrl), dlqUrl, dlqArn);
    }

    private String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(
                        request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /**
     * The IngestFunction's environment pointing at these servers, as the template sets it on AWS,
     * with the backoff scaled down like the queue: local queues have visibility timeouts of seconds
     * where AWS has half an hour, and the defaults (20 minutes, doubling to 4 hours) would keep a
     * record that met a local fault hidden far longer than any local run lasts.
     */
    public Map<String, String> ingestEnvironment(Queues queues) {
        int visibilityTimeout = Integer.parseInt(sqs.getQueueAttributes(request ->
                        request.queueUrl(queues.queueUrl()).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes()
                .get(QueueAttributeName.VISIBILITY_TIMEOUT));
        Map<String, String> env = new HashMap<>();
        env.put(IngestConfig.BACKOFF_FIRST_SECONDS, Integer.toString(Math.max(1, visibilityTimeout)));
        env.put(
                IngestConfig.BACKOFF_MAX_SECONDS,
                Integer.toString(Math.max(1, visibilityTimeout) * LOCAL_BACKOFF_MAX_FACTOR));
        env.put(IngestConfig.OPENSEARCH_ENDPOINT, functionOpenSearchEndpoint.toString());
        env.put(IngestConfig.INDEX_NAME, INDEX);
        env.put(IngestConfig.DLQ_URL, queues.dlqUrl());
        env.put(IngestConfig.CACHE_BUCKET, CACHE_BUCKET);
        env.put(IngestConfig.THUMBNAIL_BUCKET, THUMBNAIL_BUCKET);
        env.put(IngestConfig.S3_ENDPOINT, s3Server.endpoint().toString());
        env.put(IngestConfig.SQS_ENDPOINT, sqsServer.endpoint().toString());
        return env;
    }

    /** The RedriveFunction's environment pointing at these queues, as the template sets it on AWS. */
    public Map<String, String> redriveEnvironment(Queues queues) {
        return Map.of(
                RedriveConfig.DLQ_URL, queues.dlqUrl(),
                RedriveConfig.DLQ_ARN, queues.dlqArn(),
                RedriveConfig.SOURCE_QUEUE_URL, queues.queueUrl(),
                RedriveConfig.SOURCE_QUEUE_ARN, queues.queueArn(),
                RedriveConfig.SQS_ENDPOINT, sqsServer.endpoint().toString());
    }

    /** Puts a local file in the bucket under samples/ and returns its key, as events/s3-put.json names it. */
    public String putSample(Path file) {
        return put(sampleKey(file), file);
    }

    /** The key {@link #putSample} gives a file. */
    public static String sampleKey(Path file) {
        return "samples/" + file.getFileName();
    }

    /** Puts a local file in the bucket under the given key and returns the key. */
    public String put(String key, Path file) {
        s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromFile(file));
        return key;
    }

    /** Visible plus in-flight messages: zero means every message was deleted. */
    public int messagesIn(String queueUrl) {
        return QueueDepth.of(sqs, queueUrl).total();
    }

    public OpenSearchServer openSearch() {
        return openSearch;
    }

    public URI openSearchEndpoint() {
        return openSearch.endpoint();
    }

    public URI s3Endpoint() {
        return s3Server.endpoint();
    }

    public URI sqsEndpoint() {
        return sqsServer.endpoint();
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    @Override
    public void close() throws Exception {
        s3.close();
        sqs.close();
        try (sqsServer;
                s3Server) {
            if (ownsOpenSearch) {
                openSearch.close();
            }
        }
    }
}
