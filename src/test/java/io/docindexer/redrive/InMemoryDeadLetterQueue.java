package io.docindexer.redrive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dead-letter queue and its source queue in memory, with SQS's visibility rules (received
 * messages are hidden until released or deleted; visibility timeouts never expire here) and
 * failures on demand. Records every call so tests can check the order of send and delete.
 */
final class InMemoryDeadLetterQueue implements DeadLetterQueueGateway {

    private final Map<String, DeadLetter> messages = new LinkedHashMap<>();
    private final Set<String> hidden = new HashSet<>();
    final List<DeadLetter> source = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final Set<String> failSendOf = new HashSet<>();
    final Set<String> failDeleteOf = new HashSet<>();
    int receives;

    void add(DeadLetter letter) {
        messages.put(letter.messageId(), letter);
    }

    List<String> visible() {
        return messages.keySet().stream().filter(id -> !hidden.contains(id)).toList();
    }

    List<String> all() {
        return List.copyOf(messages.keySet());
    }

    @Override
    public List<DeadLetter> receive(Duration hiddenFor) {
        receives++;
        List<DeadLetter> received = messages.values().stream()
                .filter(letter -> !hidden.contains(letter.messageId()))
                .limit(10)
                .toList();
        received.forEach(letter -> hidden.add(letter.messageId()));
        return received;
    }

    @Override
    public String sendToSource(DeadLetter letter) {
        calls.add("send " + letter.messageId());
        if (failSendOf.contains(letter.messageId())) {
            throw new IllegalStateException("SQS said no");
        }
        source.add(letter);
        return "new-" + letter.messageId();
    }

    @Override
    public void delete(DeadLetter letter) {
        calls.add("delete " + letter.messageId());
        if (failDeleteOf.contains(letter.messageId())) {
            throw new IllegalStateException("connection reset");
        }
        messages.remove(letter.messageId());
        hidden.remove(letter.messageId());
    }

    @Override
    public List<String> release(List<DeadLetter> letters) {
        letters.forEach(letter -> {
            calls.add("release " + letter.messageId());
            hidden.remove(letter.messageId());
        });
        return List.of();
    }
}
