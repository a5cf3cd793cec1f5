package io.docindexer.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.ParsedMessage;
import io.docindexer.event.S3EventParser;
import io.docindexer.event.UnusableMessageException;
import io.docindexer.local.QueueDepth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Compares what OpenSearch shows with the truth, the bucket's final state: every object must have
 * exactly one visible document for its current ETag, and every deleted key none.
 */
final class ChaosAudit {

    /** More than a chaos run's key space; the audit fails loudly rather than miss documents. */
    private static final int MAX_DOCUMENTS = 10_000;

    private static final int MAX_DLQ_RECEIVES = 1_000;

    private final S3Client s3;
    private final SqsClient sqs;
    private final URI openSearch;
    private final String alias;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ChaosAudit(S3Client s3, SqsClient sqs, URI openSearch, String alias) {
        this.s3 = s3;
        this.sqs = sqs;
        this.openSearch = openSearch;
        this.alias = alias;
    }

    /** The counts of the final report, apart from the number of operations and the time. */
    record Findings(
            int indexed, int metadataOnly, int inDlq, int lost, int duplicates, int stale, List<String> problems) {}

    Findings audit(String bucket, String prefix, Set<String> keysTouched, String dlqUrl)
            throws IOException, InterruptedException {
        Map<String, String> truth = finalETags(bucket, prefix);
        Map<String, List<JsonNode>> visible = visibleDocuments(prefix);
        Set<String> keysInDlq = keysIn(dlqUrl);
        int indexed = 0;
        int metadataOnly = 0;
        int lost = 0;
        int stale = 0;
        int duplicates = 0;
        List<String> problems = new ArrayList<>();
        for (String key : keysTouched) {
            List<JsonNode> documents = visible.getOrDefault(key, List.of());
            if (documents.size() > 1) {
                duplicates++;
                problems.add("duplicate: " + key + " has " + documents.size() + " visible documents");
            }
            String eTag = truth.get(key);
            if (eTag == null) {
                if (!documents.isEmpty()) {
                    stale++;
                    problems.add("stale: " + key + " was deleted but is still visible");
                }
            } else if (documents.isEmpty()) {
                if (!keysInDlq.contains(key)) {
                    lost++;
                    problems.add("lost: " + key + " exists but has no document and is not in the DLQ");
                }
            } else if (documents.stream()
                    .noneMatch(document ->
                            eTag.equals(unquoted(document.path("eTag").asText())))) {
                stale++;
                problems.add("stale: " + key + " shows eTag "
                        + documents.get(0).path("eTag").asText() + ", S3 has " + eTag);
            } else if (ObjectStatus.METADATA_ONLY
                    .code()
                    .equals(documents.get(0).path("status").asText())) {
                metadataOnly++;
            } else {
                indexed++;
            }
        }
        return new Findings(indexed, metadataOnly, messagesIn(dlqUrl), lost, duplicates, stale, problems);
    }

    /** Key to ETag of every object under the prefix: ListObjectsV2, then HeadObject for each. */
    private Map<String, String> finalETags(String bucket, String prefix) {
        Map<String, String> eTags = new HashMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
            String eTag = s3.headObject(request -> request.bucket(bucket).key(object.key()))
                    .eTag();
            eTags.put(object.key(), unquoted(eTag));
        }
        return eTags;
    }

    /** Key to every document the alias shows for it (the alias hides tombstones). */
    private Map<String, List<JsonNode>> visibleDocuments(String prefix) throws IOException, InterruptedException {
        request("POST", "/" + alias + "/_refresh", null);
        String query = json.createObjectNode()
                .put("size", MAX_DOCUMENTS)
                .set(
                        "query",
                        json.createObjectNode()
                                .set("prefix", json.createObjectNode().put("key", prefix)))
                .toString();
        JsonNode hits =
                json.readTree(request("POST", "/" + alias + "/_search", query)).path("hits");
        if (hits.path("total").path("value").asInt() >= MAX_DOCUMENTS) {
            throw new IllegalStateException(
                    "more than " + MAX_DOCUMENTS + " documents under " + prefix + "; cannot audit");
        }
        Map<String, List<JsonNode>> byKey = new HashMap<>();
        for (JsonNode hit : hits.path("hits")) {
            JsonNode source = hit.path("_source");
            byKey.computeIfAbsent(source.path("key").asText(), key -> new ArrayList<>())
                    .add(source);
        }
        return byKey;
    }

    /** The object keys named by the messages in the DLQ; receiving hides them, it does not move them. */
    private Set<String> keysIn(String dlqUrl) {
        S3EventParser parser = new S3EventParser(json);
        Set<String> keys = new HashSet<>();
        for (int receive = 0; receive < MAX_DLQ_RECEIVES; receive++) {
            List<Message> messages = sqs.receiveMessage(request ->
                            request.queueUrl(dlqUrl).maxNumberOfMessages(10).visibilityTimeout(60))
                    .messages();
            if (messages.isEmpty()) {
                return keys;
            }
            for (Message message : messages) {
                try {
                    if (parser.parse(message.body()) instanceof ParsedMessage.ObjectEvents events) {
                        events.events().stream().map(ObjectEvent::key).forEach(keys::add);
                    }
                } catch (UnusableMessageException unusable) {
                    // names no key
                }
            }
        }
        throw new IllegalStateException("the DLQ still had messages after " + MAX_DLQ_RECEIVES + " receives");
    }

    private int messagesIn(String queueUrl) {
        return QueueDepth.of(sqs, queueUrl).total();
    }

    private String request(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(openSearch + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String unquoted(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
