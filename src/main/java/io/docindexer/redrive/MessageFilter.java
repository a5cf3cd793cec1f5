package io.docindexer.redrive;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which dead letters a selective redrive moves. Every condition given must hold; an empty filter
 * matches every message.
 *
 * @param errorClass the ErrorClass attribute the ingest function puts on messages it rejects
 *     (e.g. UnusableMessage); messages that reached the DLQ through maxReceiveCount have none, so
 *     they never match a filter with an error class
 * @param keyPrefix matches a message if any object key it announces (URL-decoded, as S3 knows it)
 *     starts with this; a body that is not an S3 event announces no key and never matches
 * @param olderThan matches messages first sent at least this long ago
 * @param newerThan matches messages first sent at most this long ago
 */
public record MessageFilter(
        Optional<String> errorClass,
        Optional<String> keyPrefix,
        Optional<Duration> olderThan,
        Optional<Duration> newerThan) {

    public static final MessageFilter ALL =
            new MessageFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** @param keys the object keys the message's body announces, see {@link ObjectKeys} */
    public boolean matches(DeadLetter letter, List<String> keys, Instant now) {
        if (errorClass.isPresent() && !errorClass.equals(letter.errorClass())) {
            return false;
        }
        if (keyPrefix.isPresent() && keys.stream().noneMatch(key -> key.startsWith(keyPrefix.get()))) {
            return false;
        }
        if (olderThan.isPresent() && letter.sentAt().isAfter(now.minus(olderThan.get()))) {
            return false;
        }
        return newerThan.isEmpty() || !letter.sentAt().isBefore(now.minus(newerThan.get()));
    }

    /** The filter as the request gave it, echoed in the response so a report says what it selected. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        errorClass.ifPresent(value -> map.put("errorClass", value));
        keyPrefix.ifPresent(value -> map.put("keyPrefix", value));
        olderThan.ifPresent(value -> map.put("olderThanSeconds", value.toSeconds()));
        newerThan.ifPresent(value -> map.put("newerThanSeconds", value.toSeconds()));
        return map;
    }
}
