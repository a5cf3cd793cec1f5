package io.docindexer.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

/**
 * Writes log events as JSON lines with the keys Lambda's Java runtime gives its own JSON lines
 * (aws-lambda-java-log4j2's LambdaLayout.json): {@code timestamp} in UTC to the millisecond,
 * {@code level}, {@code message} and {@code logger}, and for an error {@code errorType},
 * {@code errorMessage} and {@code stackTrace}. The logging context follows, in key order, then the
 * event's own key-value pairs in the order given; a key the event gives itself is not repeated
 * from the context. One {@code println} per line, so lines from several threads never interleave.
 */
final class JsonLines {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonFactory json = new JsonFactory();
    private final PrintStream out;
    private final Clock clock;
    private final MDCAdapter context;

    JsonLines(PrintStream out, Clock clock, MDCAdapter context) {
        this.out = out;
        this.clock = clock;
        this.context = context;
    }

    void write(Level level, String logger, String message, List<KeyValuePair> pairs, Throwable error) {
        StringWriter line = new StringWriter();
        try (JsonGenerator generator = json.createGenerator(line)) {
            generator.writeStartObject();
            generator.writeStringField("timestamp", TIMESTAMP.format(clock.instant()));
            generator.writeStringField("level", level.name());
            generator.writeStringField("message", message);
            generator.writeStringField("logger", logger);
            writeContext(generator, pairs);
            for (KeyValuePair pair : pairs) {
                generator.writeFieldName(pair.key);
                writeValue(generator, pair.value);
            }
            if (error != null) {
                writeError(generator, error);
            }
            generator.writeEndObject();
        } catch (IOException impossible) {
            // A StringWriter does not fail.
            throw new UncheckedIOException(impossible);
        }
        out.println(line);
    }

    private void writeContext(JsonGenerator generator, List<KeyValuePair> pairs) throws IOException {
        Map<String, String> entries = context.getCopyOfContextMap();
        if (entries == null) {
            return;
        }
        Set<String> given = new HashSet<>();
        pairs.forEach(pair -> given.add(pair.key));
        for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
            if (!given.contains(entry.getKey())) {
                generator.writeStringField(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Numbers, booleans, maps and lists keep their JSON types (the redrive's response is nested); anything else is text. */
    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            generator.writeNumber(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            generator.writeStartArray();
            for (Object item : items) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else {
            generator.writeString(value.toString());
        }
    }

    /** The stack trace as Throwable prints it, causes included, one array element per line. */
    private static void writeError(JsonGenerator generator, Throwable error) throws IOException {
        generator.writeStringField("errorType", error.getClass().getName());
        generator.writeStringField("errorMessage", error.getMessage());
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        generator.writeArrayFieldStart("stackTrace");
        for (String frame : trace.toString().split("\\R")) {
            if (!frame.isBlank()) {
                generator.writeString(frame.strip());
            }
        }
        generator.writeEndArray();
    }
}
