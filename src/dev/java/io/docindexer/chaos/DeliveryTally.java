package io.docindexer.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.invocation.ReceiveCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every message's story: that it was sent, how often the function received it, and each outcome
 * the function's observer reported for it. The function runs in processes of its own, so its
 * {@code LoggingObserver} (the BatchObserver Lambda runs with) is read from their JSON log lines:
 * one per record and object, with the message id and the outcome's name.
 */
final class DeliveryTally {

    /** The outcomes after which a message is acknowledged: every {@link RecordOutcome} but Retry. */
    private static final Set<String> DONE = Set.of(
            RecordOutcome.Indexed.class.getSimpleName(),
            RecordOutcome.Skipped.class.getSimpleName(),
            RecordOutcome.DeadLettered.class.getSimpleName(),
            RecordOutcome.Continued.class.getSimpleName());

    private static final String RETRY = RecordOutcome.Retry.class.getSimpleName();

    /** A sent message: the key and sequencer of the one event it carries. */
    record Sent(String messageId, String key, String sequencer) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> receives = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicInteger>> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger s3Retries = new AtomicInteger();
    private final AtomicInteger withoutReceiveCount = new AtomicInteger();

    void sent(Sent message) {
        sent.put(message.messageId(), message);
    }

    /**
     * An event handed to the function: one more receive for each of its records. Each record must
     * carry SQS's ApproximateReceiveCount, as Lambda's do: the handler's backoff is computed from it.
     */
    void received(byte[] event) throws IOException {
        for (JsonNode record : json.readTree(event).path("Records")) {
            receives.computeIfAbsent(record.path("messageId").asText(), id -> new AtomicInteger())
                    .incrementAndGet();
            if (!record.path("attributes").hasNonNull(ReceiveCount.ATTRIBUTE)) {
                withoutReceiveCount.incrementAndGet();
            }
        }
    }

    /** Records handed to the function without an ApproximateReceiveCount: a broken poller. */
    int recordsWithoutReceiveCount() {
        return withoutReceiveCount.get();
    }

    /** One line of the function's output; lines that are not the observer's record lines are ignored. */
    void functionOutput(String line) {
        if (!line.startsWith("{") || !line.contains("\"outcome\"")) {
            return;
        }
        JsonNode entry;
        try {
            entry = json.readTree(line);
        } catch (IOException notJson) {
            return;
        }
        String messageId = entry.path("messageId").asText("");
        String outcome = entry.path("outcome").asText("");
        if (messageId.isEmpty() || outcome.isEmpty()) {
            return;
        }
        outcomes.computeIfAbsent(messageId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, name -> new AtomicInteger())
                .incrementAndGet();
        String detail = entry.path("detail").asText("");
        if (outcome.equals(RETRY) && (detail.contains("503") || detail.contains("SlowDown"))) {
            s3Retries.incrementAndGet();
        }
    }

    /** Records retried because S3 answered 503 SlowDown more often than the SDK retries. */
    int s3FaultsThatReachedTheHandler() {
        return s3Retries.get();
    }

    /** Whether every sent message has been handed to the function at least once. */
    boolean everyMessageDelivered() {
        return sent.keySet().stream().allMatch(receives::containsKey);
    }

    /** Mean deliveries per sent message. */
    double receivesPerMessage() {
        if (sent.isEmpty()) {
            return 0;
        }
        long total = sent.keySet().stream()
                .mapToLong(id -> receives.getOrDefault(id, new AtomicInteger()).get())
                .sum();
        return (double) total / sent.size();
    }

    /**
     * Messages neither acknowledged after an outcome of the observer's nor in the DLQ: the
     * function never finished them, yet they left the queue (a dropped message, even one that a
     * later event for the same key repaired).
     *
     * @param inDlq the (key, sequencer) pairs of the DLQ's events
     */
    List<String> unfinished(Set<List<String>> inDlq) {
        List<String> problems = new ArrayList<>();
        for (Sent message : sent.values()) {
            Map<String, AtomicInteger> seen = outcomes.getOrDefault(message.messageId(), Map.of());
            boolean done = seen.keySet().stream().anyMatch(DONE::contains);
            if (!done && !inDlq.contains(List.of(message.key(), message.sequencer()))) {
                problems.add("dropped: message " + message.messageId() + " (" + message.key() + ", sequencer "
                        + message.sequencer() + ") was received "
                        + receives.getOrDefault(message.messageId(), new AtomicInteger())
                                .get()
                        + " times, has outcomes " + seen + ", no acknowledged one, and is not in the DLQ");
            }
        }
        return problems;
    }
}
