package io.docindexer.redrive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link RedriveRequest} from the JSON map, collecting every problem instead of stopping
 * at the first. Unknown fields are problems too: a misspelt {@code "dryrun": true} must not turn
 * into a real move.
 */
final class RedriveRequestReader {

    static final int DEFAULT_MAX_MESSAGES = 100;
    static final int MAX_MAX_MESSAGES = 10_000;
    /** The DLQ keeps messages 14 days; an age beyond that selects nothing. */
    static final long MAX_AGE_SECONDS = 14 * 24 * 3600;

    private static final Map<String, Set<String>> FIELDS_BY_MODE = Map.of(
            "all", Set.of("mode", "maxPerSecond"),
            "status", Set.of("mode"),
            "cancel", Set.of("mode", "taskHandle"),
            "selective", Set.of("mode", "filter", "maxMessages", "dryRun"));
    private static final Set<String> FILTER_FIELDS =
            Set.of("errorClass", "keyPrefix", "olderThanSeconds", "newerThanSeconds");

    private final Map<String, Object> json;
    private final List<String> problems = new ArrayList<>();

    RedriveRequestReader(Map<String, Object> json) {
        this.json = json == null ? Map.of() : json;
    }

    RedriveRequest read() {
        Object mode = json.get("mode");
        if (!(mode instanceof String name) || !FIELDS_BY_MODE.containsKey(name)) {
            problems.add("mode is " + (mode == null ? "missing" : "'" + mode + "'") + "; expected one of "
                    + new TreeSet<>(FIELDS_BY_MODE.keySet()));
            throw new InvalidRedriveRequestException(problems);
        }
        onlyKnownFields("", json, FIELDS_BY_MODE.get(name));
        RedriveRequest request = switch (name) {
            case "all" ->
                new RedriveRequest.MoveAll(optionalInt("maxPerSecond", json, 1, RedriveRequest.MAX_MOVES_PER_SECOND));
            case "status" -> new RedriveRequest.Status();
            case "cancel" -> new RedriveRequest.Cancel(optionalText("taskHandle", json, ""));
            default ->
                new RedriveRequest.Selective(
                        filter(),
                        optionalInt("maxMessages", json, 1, MAX_MAX_MESSAGES).orElse(DEFAULT_MAX_MESSAGES),
                        dryRun());
        };
        if (!problems.isEmpty()) {
            throw new InvalidRedriveRequestException(problems);
        }
        return request;
    }

    private MessageFilter filter() {
        Object filter = json.get("filter");
        if (filter == null) {
            return MessageFilter.ALL;
        }
        if (!(filter instanceof Map<?, ?> raw)) {
            problems.add(
                    "filter is " + describe(filter) + "; expected an object such as {\"keyPrefix\":\"invoices/\"}");
            return MessageFilter.ALL;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        raw.forEach((key, value) -> fields.put(String.valueOf(key), value));
        onlyKnownFields("filter.", fields, FILTER_FIELDS);
        Optional<Duration> olderThan = age("olderThanSeconds", fields);
        Optional<Duration> newerThan = age("newerThanSeconds", fields);
        if (olderThan.isPresent() && newerThan.isPresent() && olderThan.get().compareTo(newerThan.get()) > 0) {
            problems.add("filter.olderThanSeconds (" + olderThan.get().toSeconds()
                    + ") is larger than filter.newerThanSeconds ("
                    + newerThan.get().toSeconds()
                    + "), so nothing can match; a message between the two ages needs older < newer");
        }
        return new MessageFilter(
                optionalText("errorClass", fields, "filter."),
                optionalText("keyPrefix", fields, "filter."),
                olderThan,
                newerThan);
    }

    private boolean dryRun() {
        Object value = json.get("dryRun");
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        problems.add("dryRun is " + describe(value) + "; expected true or false");
        // When in doubt, move nothing.
        return true;
    }

    private Optional<Duration> age(String name, Map<String, Object> fields) {
        OptionalInt seconds = optionalInt(name, fields, 0, MAX_AGE_SECONDS, "filter.");
        return seconds.isPresent() ? Optional.of(Duration.ofSeconds(seconds.getAsInt())) : Optional.empty();
    }

    private OptionalInt optionalInt(String name, Map<String, Object> fields, long min, long max) {
        return optionalInt(name, fields, min, max, "");
    }

    private OptionalInt optionalInt(String name, Map<String, Object> fields, long min, long max, String prefix) {
        Object value = fields.get(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        Long whole = wholeNumber(value);
        if (whole == null || whole < min || whole > max) {
            problems.add(
                    prefix + name + " is " + describe(value) + "; expected a whole number from " + min + " to " + max);
            return OptionalInt.empty();
        }
        return OptionalInt.of(whole.intValue());
    }

    /** JSON numbers reach us as Integer, Long, Double or BigDecimal depending on the deserialiser. */
    private static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 63 ? big.longValue() : null;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString());
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException fractional) {
                return null;
            }
        }
        return null;
    }

    private Optional<String> optionalText(String name, Map<String, Object> fields, String prefix) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(prefix + name + " is " + describe(value) + "; expected a non-empty string (or leave it out)");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private void onlyKnownFields(String prefix, Map<String, Object> fields, Set<String> known) {
        fields.keySet().stream()
                .filter(field -> !known.contains(field))
                .sorted()
                .forEach(field ->
                        problems.add("unknown field " + prefix + field + "; expected only " + new TreeSet<>(known)));
    }

    private static String describe(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
