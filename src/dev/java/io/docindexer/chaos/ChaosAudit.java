package io.docindexer.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.ParsedMessage;
import io.docindexer.event.S3EventParser;
import io.docindexer.event.UnusableMessageException;
import io.docindexer.index.Sequencer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Compares the index with what the workload did. Every key the workload touched, every key in the
 * bucket under the run's prefix and every document under it in the concrete index (tombstones
 * included, which the alias hides) is checked against the key's last operation: a put must show
 * exactly one live, fully indexed document with that operation's sequencer, ETag and text marker;
 * a delete exactly one tombstone with its sequencer. The only excuse for a key that does not
 * show its last operation is that operation's event waiting in the DLQ, which is still a problem
 * unless the event is a poison document's; a poison document must be there and nowhere in the index.
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

    /**
     * The counts of the final report, apart from the faults, the deliveries and the time.
     *
     * @param inDlq (key, sequencer) of every event in the DLQ
     */
    record Findings(
            int indexed,
            int metadataOnly,
            int tombstones,
            int dlqMessages,
            int poisonInDlq,
            int lost,
            int duplicates,
            int stale,
            Set<List<String>> inDlq,
            List<String> problems) {}

    Findings audit(String bucket, String prefix, Map<String, KeyLedger.Operation> lastOperations, String dlqUrl)
            throws IOException, InterruptedException {
        Map<String, String> bucketETags = bucketETags(bucket, prefix);
        Map<String, List<JsonNode>> documents = concreteDocuments(prefix);
        List<List<String>> dlq = eventsIn(dlqUrl);
        Set<List<String>> inDlq = new HashSet<>(dlq);
        Tally tally = new Tally();
        Set<String> keys = new TreeSet<>(lastOperations.keySet());
        keys.addAll(bucketETags.keySet());
        keys.addAll(documents.keySet());
        for (String key : keys) {
            KeyLedger.Operation last = lastOperations.get(key);
            List<JsonNode> found = documents.getOrDefault(key, List.of());
            if (last == null) {
                tally.stale("stale: " + key + " is in the bucket or the index but the workload never touched it");
            } else if (found.size() > 1) {
                tally.duplicates++;
                tally.problems.add("duplicate: " + key + " has " + found.size() + " documents in the index");
            } else {
                check(last, bucketETags.get(key), found.isEmpty() ? null : found.get(0), inDlq, tally);
            }
        }
        Set<List<String>> poison = new HashSet<>();
        lastOperations.values().stream()
                .filter(KeyLedger.Operation::poison)
                .forEach(operation -> poison.add(List.of(operation.key(), operation.sequencer())));
        for (List<String> event : dlq) {
            if (!poison.contains(event)) {
                tally.problems.add("dead-lettered: " + event.get(0) + " (sequencer " + event.get(1)
                        + ") is in the DLQ but is not a poison document");
            }
        }
        int poisonInDlq = (int) poison.stream().filter(inDlq::contains).count();
        return new Findings(
                tally.indexed,
                tally.metadataOnly,
                tally.tombstones,
                dlq.size(),
                poisonInDlq,
                tally.lost,
                tally.duplicates,
                tally.stale,
                inDlq,
                tally.problems);
    }

    private static final class Tally {
        int indexed;
        int metadataOnly;
        int tombstones;
        int lost;
        int duplicates;
        int stale;
        final List<String> problems = new ArrayList<>();

        void lost(String problem) {
            lost++;
            problems.add(problem);
        }

        void stale(String problem) {
            stale++;
            problems.add(problem);
        }
    }

    private static void check(
            KeyLedger.Operation last, String bucketETag, JsonNode document, Set<List<String>> inDlq, Tally tally) {
        String key = last.key();
        boolean lastInDlq = inDlq.contains(List.of(key, last.sequencer()));
        if (last.delete() ? bucketETag != null : !last.eTag().equals(bucketETag)) {
            tally.problems.add("harness: the bucket has ETag " + bucketETag + " for " + key
                    + ", the workload's last operation left " + (last.delete() ? "none" : last.eTag()));
        }
        if (last.poison()) {
            if (!lastInDlq) {
                tally.problems.add("poison: " + key + " is not in the DLQ");
            }
            if (document != null) {
                tally.stale("poison: " + key + " has a document in the index: " + document.path("status"));
            }
            return;
        }
        if (document == null) {
            if (!lastInDlq) {
                tally.lost("lost: " + key + " has no " + (last.delete() ? "tombstone" : "document")
                        + " for its last operation (sequencer " + last.sequencer() + ") and it is not in the DLQ");
            }
            return;
        }
        String sequencer = document.path("sequencer").asText();
        String lastSequencer = Sequencer.normalise(last.sequencer());
        boolean deleted = document.path("deleted").asBoolean(false);
        if (!sequencer.equals(lastSequencer)) {
            if (!lastInDlq) {
                tally.stale(
                        "stale: " + key + " shows sequencer " + sequencer + ", its last operation is " + lastSequencer);
            }
        } else if (last.delete() != deleted) {
            tally.stale((last.delete() ? "resurrected: " : "deleted: ") + key + " was last "
                    + (last.delete() ? "deleted" : "put") + " but the index has "
                    + (deleted ? "a tombstone" : "a live document") + " with that sequencer");
        } else if (deleted) {
            tally.tombstones++;
        } else {
            checkLiveDocument(last, document, tally);
        }
    }

    private static void checkLiveDocument(KeyLedger.Operation last, JsonNode document, Tally tally) {
        String key = last.key();
        String eTag = document.path("eTag").asText().replace("\"", "");
        String status = document.path("status").asText();
        if (!eTag.equals(last.eTag())) {
            tally.stale("stale: " + key + " shows ETag " + eTag + ", its last put has " + last.eTag());
        } else if (ObjectStatus.METADATA_ONLY.code().equals(status)) {
            // Every file the workload writes is valid: metadata-only means its text was lost.
            tally.metadataOnly++;
            tally.problems.add("metadata-only: " + key + " is a valid file but was indexed without text ("
                    + document.path("reason").asText() + ")");
        } else if (!text(document).contains(last.marker())) {
            tally.stale("stale text: " + key + " does not hold " + last.marker() + ", the marker of its last put");
        } else {
            tally.indexed++;
        }
    }

    private static String text(JsonNode document) {
        StringBuilder text = new StringBuilder(document.path("content").asText(""));
        for (JsonNode page : document.path("pageTexts")) {
            text.append('\n').append(page.path("text").asText(""));
        }
        return text.toString();
    }

    /** Key to ETag of every object under the prefix: ListObjectsV2, then HeadObject for each. */
    private Map<String, String> bucketETags(String bucket, String prefix) {
        Map<String, String> eTags = new HashMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
            String eTag = s3.headObject(request -> request.bucket(bucket).key(object.key()))
                    .eTag();
            eTags.put(object.key(), eTag.replace("\"", ""));
        }
        return eTags;
    }

    /** Key to every document under the prefix in the alias's concrete indices, tombstones included. */
    private Map<String, List<JsonNode>> concreteDocuments(String prefix) throws IOException, InterruptedException {
        List<String> concrete = new ArrayList<>();
        json.readTree(request("GET", "/_alias/" + URLEncoder.encode(alias, StandardCharsets.UTF_8), null))
                .fieldNames()
                .forEachRemaining(concrete::add);
        if (concrete.isEmpty()) {
            throw new IllegalStateException("the alias " + alias + " names no index");
        }
        String indices = String.join(",", concrete);
        request("POST", "/" + indices + "/_refresh", null);
        ObjectNode query = json.createObjectNode().put("size", MAX_DOCUMENTS);
        query.putObject("query").putObject("prefix").put("key", prefix);
        JsonNode hits = json.readTree(request("POST", "/" + indices + "/_search", query.toString()))
                .path("hits");
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

    /**
     * (key, sequencer) of every event in the DLQ, one entry per message; receiving hides the
     * messages for a minute, it does not move them.
     */
    private List<List<String>> eventsIn(String dlqUrl) {
        S3EventParser parser = new S3EventParser(json);
        List<List<String>> events = new ArrayList<>();
        for (int receive = 0; receive < MAX_DLQ_RECEIVES; receive++) {
            List<Message> messages = sqs.receiveMessage(request ->
                            request.queueUrl(dlqUrl).maxNumberOfMessages(10).visibilityTimeout(60))
                    .messages();
            if (messages.isEmpty()) {
                return events;
            }
            for (Message message : messages) {
                try {
                    if (parser.parse(message.body()) instanceof ParsedMessage.ObjectEvents objectEvents) {
                        for (ObjectEvent event : objectEvents.events()) {
                            events.add(List.of(event.key(), event.sequencer()));
                        }
                    }
                } catch (UnusableMessageException unusable) {
                    events.add(List.of("unusable message", message.messageId()));
                }
            }
        }
        throw new IllegalStateException("the DLQ still had messages after " + MAX_DLQ_RECEIVES + " receives");
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
}
