package io.docindexer.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends S3 event notifications to the local queue, in the exact shape S3 sends them on AWS (S3Proxy
 * has no notifications): URL-encoded keys with {@code +} for a space, and a per-key sequencer that
 * grows with every event.
 */
public final class BucketNotifications {

    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1_000);

    public BucketNotifications(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public String objectCreated(String bucket, String key, HeadObjectResponse object) {
        return send(body("ObjectCreated:Put", bucket, key, object.contentLength(), object.eTag()));
    }

    /** The notification body alone, for events/ files and tests. */
    public String body(String eventName, String bucket, String key, Long size, String eTag) {
        ObjectNode record = json.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", LocalServers.REGION);
        record.put("eventTime", Instant.now().toString());
        record.put("eventName", eventName);
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "docindexer");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", encode(key));
        if (size != null) {
            object.put("size", size);
        }
        if (eTag != null) {
            object.put("eTag", eTag.replace("\"", ""));
        }
        object.put("sequencer", String.format("%016X", sequence.incrementAndGet()));
        ObjectNode root = json.createObjectNode();
        root.putArray("Records").add(record);
        return root.toString();
    }

    private String send(String body) {
        return sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body))
                .messageId();
    }

    /** As S3 does: form encoding ({@code +} for a space), with path separators left readable. */
    static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
