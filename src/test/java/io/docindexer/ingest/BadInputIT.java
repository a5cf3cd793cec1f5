package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordReport;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.DocumentId;
import io.docindexer.local.Await;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.Closer;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.ocr.Corpus;
import io.docindexer.sqs.MessageAttributes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Hostile and broken input through the real pipeline (S3 upload, notification on SQS, the poller,
 * the handler, OpenSearch). Content problems must end as metadata-only documents with the right
 * reason, findable by file name; unusable messages in the DLQ on their first receive, with the
 * reason attached; and nothing may stay in the source queue.
 */
@ExtendWith(LocalServersExtension.class)
class BadInputIT {

    private static final String CONCRETE_INDEX = LocalServers.INDEX + "-v2";
    // Long enough that a retried message could not come back within the test's waits: every
    // outcome seen here is a first receive.
    private static final int VISIBILITY_TIMEOUT_SECONDS = 120;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Queue<RecordReport> reports = new ConcurrentLinkedQueue<>();

    @AutoClose
    private final Closer toClose = new Closer();
    // No hyphens: the file-name analyzer splits on them, and the run must be one searchable word.
    private final String run =
            "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    /** What one uploaded file must become in the index. */
    private record Expected(String status, String reason) {
        static Expected metadataOnly(String reason) {
            return new Expected("metadata-only", reason);
        }

        static Expected indexed() {
            return new Expected("indexed", null);
        }
    }

    @Test
    void brokenAndHostileFilesBecomeDocumentsWithTheRightReasonAndNothingReachesTheDeadLetterQueue(LocalServers stack)
            throws Exception {
        LocalServers.Queues queues = stack.createQueues("bad-files-" + run, VISIBILITY_TIMEOUT_SECONDS, 5);
        IngestComponents components = ingest(stack, queues);
        BucketNotifications notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());
        byte[] minimal = Files.readAllBytes(Corpus.file("pdf/minimal-document.pdf"));
        String prefix = "bad-input/" + run + "/";

        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Expected> expected = new HashMap<>();
        add(
                files,
                expected,
                prefix + "truncated " + run + ".pdf",
                BadInputs.truncated(minimal, 0.2),
                Expected.metadataOnly("corrupt"));
        add(
                files,
                expected,
                prefix + "flipped " + run + ".pdf",
                BadInputs.flipped(minimal, 7),
                Expected.metadataOnly("corrupt"));
        // A lost xref is repairable: PDFBox rebuilds it by scanning, so the text is still indexed.
        add(files, expected, prefix + "brokenxref " + run + ".pdf", BadInputs.brokenXref(minimal), Expected.indexed());
        add(
                files,
                expected,
                prefix + "encrypted " + run + ".pdf",
                Files.readAllBytes(Corpus.file("pdf/libreoffice-writer-password.pdf")),
                Expected.metadataOnly("encrypted"));
        add(
                files,
                expected,
                prefix + "bomb " + run + ".png",
                BadInputs.pngBomb(100_000, 100_000),
                Expected.metadataOnly("too-many-pixels"));
        add(
                files,
                expected,
                prefix + "hugepage " + run + ".pdf",
                BadInputs.hugePagePdf(100_000),
                Expected.metadataOnly("too-many-pixels"));
        add(files, expected, prefix + "empty " + run + ".txt", new byte[0], Expected.metadataOnly("empty-file"));
        add(files, expected, prefix + "a/../../escape " + run + ".txt", text("dot dot slash"), Expected.indexed());
        add(
                files,
                expected,
                prefix + "control\u0001char\nnewline " + run + ".txt",
                text("control characters"),
                Expected.indexed());
        add(
                files,
                expected,
                prefix + "日本語のファイル名 ＋ émoji 😀 " + run + ".txt",
                text("non-ASCII key"),
                Expected.indexed());
        add(
                files,
                expected,
                keyOfExactly1024Bytes(prefix + "long " + run + " "),
                text("the longest key S3 allows"),
                Expected.indexed());
        String claimsFiveGigabytes = prefix + "claims5gb " + run + ".txt";
        add(files, expected, claimsFiveGigabytes, text("a small object whose event claims 5 GB"), Expected.indexed());

        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String key = file.getKey();
            stack.s3().putObject(r -> r.bucket(LocalServers.BUCKET).key(key), RequestBody.fromBytes(file.getValue()));
            if (key.equals(claimsFiveGigabytes)) {
                // Only the event lies; the source must go by what S3 returns.
                stack.sqs()
                        .sendMessage(r -> r.queueUrl(queues.queueUrl())
                                .messageBody(notifications.body(
                                        "ObjectCreated:Put", LocalServers.BUCKET, key, 5L * 1024 * 1024 * 1024, null)));
            } else {
                notifications.objectCreated(
                        LocalServers.BUCKET,
                        key,
                        stack.s3().headObject(r -> r.bucket(LocalServers.BUCKET).key(key)));
            }
        }
        poll(stack, queues, components);

        Await.until(DRAIN_TIMEOUT, "the source queue to drain", () -> stack.messagesIn(queues.queueUrl()) == 0);
        assertThat(stack.messagesIn(queues.dlqUrl())).as("messages in the DLQ").isZero();
        assertThat(reports)
                .as("every record settled on its first receive")
                .hasSize(files.size())
                .allSatisfy(report -> assertThat(report.outcome()).isInstanceOf(RecordOutcome.Done.class));
        components.index().refresh();
        for (Map.Entry<String, Expected> entry : expected.entrySet()) {
            String key = entry.getKey();
            JsonNode source = storedDocument(stack, key);
            assertThat(source.path("key").asText()).as("stored key of %s", key).isEqualTo(key);
            assertThat(source.path("status").asText())
                    .as("status of %s", key)
                    .isEqualTo(entry.getValue().status());
            assertThat(source.hasNonNull("reason") ? source.get("reason").asText() : null)
                    .as("reason of %s", key)
                    .isEqualTo(entry.getValue().reason());
            assertThat(source.path("size").asLong()).as("size of %s", key).isEqualTo(files.get(key).length);
        }
        // A metadata-only document is still found by its file name.
        assertThat(components.index().search("encrypted " + run, 10))
                .anySatisfy(hit -> assertThat(hit.key()).isEqualTo(prefix + "encrypted " + run + ".pdf"));
        assertThat(components.index().search("bomb " + run, 10))
                .anySatisfy(hit -> assertThat(hit.key()).isEqualTo(prefix + "bomb " + run + ".png"));
        assertThat(components.index().search("Lorem ipsum", 100))
                .anySatisfy(hit -> assertThat(hit.key()).isEqualTo(prefix + "brokenxref " + run + ".pdf"));
    }

    @Test
    void everyKindOfUnusableMessageGoesToTheDeadLetterQueueOnItsFirstReceiveWithItsReason(LocalServers stack)
            throws Exception {
        LocalServers.Queues queues = stack.createQueues("bad-messages-" + run, VISIBILITY_TIMEOUT_SECONDS, 5);
        IngestComponents components = ingest(stack, queues);
        BucketNotifications notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());
        String good =
                notifications.body("ObjectCreated:Put", LocalServers.BUCKET, "bad-messages/" + run + ".txt", 3L, null);

        Map<String, String> bodies = new LinkedHashMap<>();
        // SQS refuses a truly empty body; blank is the nearest a queue can carry.
        bodies.put("blank", " ");
        bodies.put("not JSON", "this is not json {");
        bodies.put("JSON array", "[" + good + "]");
        bodies.put("JSON without Records", "{\"hello\":\"world\"}");
        bodies.put("Records empty", "{\"Records\":[]}");
        bodies.put("record without bucket", edit(good, record -> ((ObjectNode) record.path("s3")).remove("bucket")));
        bodies.put(
                "record without key",
                edit(good, record -> ((ObjectNode) record.path("s3").path("object")).remove("key")));
        bodies.put("unsupported eventName", edit(good, record -> record.put("eventName", "ObjectRestore:Completed")));
        bodies.put(
                "bad %-escape in key",
                edit(good, record -> ((ObjectNode) record.path("s3").path("object")).put("key", "bad%zzkey")));
        bodies.put(
                "non-hex sequencer",
                edit(
                        good,
                        record -> ((ObjectNode) record.path("s3").path("object")).put("sequencer", "not-a-sequencer")));
        bodies.put(
                "SNS envelope with garbage Message",
                json.createObjectNode()
                        .put("Type", "Notification")
                        .put("Message", "garbage <xml/>")
                        .toString());

        Map<String, String> kindByMessageId = new HashMap<>();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            String messageId = stack.sqs()
                    .sendMessage(r -> r.queueUrl(queues.queueUrl()).messageBody(body.getValue()))
                    .messageId();
            kindByMessageId.put(messageId, body.getKey());
        }
        poll(stack, queues, components);

        Await.until(
                DRAIN_TIMEOUT,
                "every unusable message in the DLQ",
                () -> stack.messagesIn(queues.dlqUrl()) == bodies.size());
        Await.until(
                Duration.ofSeconds(10), "the source queue to drain", () -> stack.messagesIn(queues.queueUrl()) == 0);
        Map<String, Message> dead = receiveAll(stack, queues.dlqUrl(), bodies.size());
        assertThat(dead.keySet()).as("original message ids in the DLQ").isEqualTo(kindByMessageId.keySet());
        dead.forEach((originalId, message) -> {
            String kind = kindByMessageId.get(originalId);
            Map<String, MessageAttributeValue> attributes = message.messageAttributes();
            assertThat(attributes.get(MessageAttributes.ERROR_CLASS).stringValue())
                    .as("ErrorClass of %s", kind)
                    .isEqualTo("UnusableMessage");
            assertThat(attributes.get(MessageAttributes.REASON).stringValue())
                    .as("Reason of %s", kind)
                    .isNotBlank();
            assertThat(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .as("receives of %s in the DLQ", kind)
                    .isEqualTo("1");
        });
        // One report per message: each was settled on its first receive, not after maxReceiveCount.
        assertThat(reports)
                .hasSize(bodies.size())
                .allSatisfy(report -> assertThat(report.outcome().detail()).startsWith("sent to the DLQ"));
    }

    private static void add(
            Map<String, byte[]> files, Map<String, Expected> expected, String key, byte[] content, Expected outcome) {
        files.put(key, content);
        expected.put(key, outcome);
    }

    private static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /** S3's longest key: exactly 1,024 bytes of UTF-8, ending in .txt, some of them two-byte characters. */
    private static String keyOfExactly1024Bytes(String start) {
        StringBuilder key = new StringBuilder(start);
        while (key.toString().getBytes(StandardCharsets.UTF_8).length + ".txt".length() < 1024 - 1) {
            key.append('é');
        }
        while (key.toString().getBytes(StandardCharsets.UTF_8).length + ".txt".length() < 1024) {
            key.append('x');
        }
        String result = key + ".txt";
        assertThat(result.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
        return result;
    }

    private interface RecordEdit {
        void apply(ObjectNode record);
    }

    /** The notification body with its one record changed. */
    private String edit(String body, RecordEdit change) throws Exception {
        JsonNode root = json.readTree(body);
        change.apply((ObjectNode) root.path("Records").get(0));
        return root.toString();
    }

    /** The stored source of the key's document, read by id from the concrete index (tombstones included). */
    private JsonNode storedDocument(LocalServers stack, String key) throws Exception {
        URI uri = URI.create(
                stack.openSearchEndpoint() + "/" + CONCRETE_INDEX + "/_doc/" + DocumentId.of(LocalServers.BUCKET, key));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET document of %s: %s", key, response.body())
                .isEqualTo(200);
        return json.readTree(response.body()).path("_source");
    }

    /** Every message in the queue, by the OriginalMessageId the ingest function gave it. */
    private static Map<String, Message> receiveAll(LocalServers stack, String queueUrl, int expected) throws Exception {
        Map<String, Message> byOriginalId = new HashMap<>();
        Await.until(Duration.ofSeconds(30), expected + " messages received from " + queueUrl, () -> {
            stack.sqs()
                    .receiveMessage(r -> r.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(300)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages()
                    .forEach(message -> byOriginalId.put(
                            message.messageAttributes()
                                    .get(MessageAttributes.ORIGINAL_MESSAGE_ID)
                                    .stringValue(),
                            message));
            return byOriginalId.size() >= expected;
        });
        return byOriginalId;
    }

    private IngestComponents ingest(LocalServers stack, LocalServers.Queues queues) {
        IngestComponents components =
                IngestComponents.create(IngestConfig.fromEnv(stack.ingestEnvironment(queues)), reports::add);
        toClose.add(components);
        return components;
    }

    private void poll(LocalServers stack, LocalServers.Queues queues, IngestComponents components) {
        toClose.add(new EventSourcePoller(
                stack.sqs(), queues.queueUrl(), queues.queueArn(), components.handler(), 10, 2, 60_000));
    }
}
