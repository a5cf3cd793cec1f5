package io.docindexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.index.DocumentId;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Follows the function processes' logs as one would in CloudWatch Logs: the function writes one
 * JSON line per object it handled ({@code observe.LoggingObserver}), with its key, status and
 * pages. An object written to the index is announced by its document id (to the
 * {@link SearchableWatcher}); a record that
 * will be redelivered (its line is a warning) is counted; errors are shown.
 */
final class FunctionLog implements Consumer<String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORD_LOGGER = "io.docindexer.observe.LoggingObserver";
    private static final String WRITTEN = "indexed";

    /** What the line of a written object says it held. */
    private record Written(int pages, int ocrPages) {}

    private final Consumer<String> written;
    private final PrintStream err;
    private final Map<String, Written> writtenByKey = new ConcurrentHashMap<>();
    private final AtomicInteger redelivered = new AtomicInteger();

    FunctionLog(Consumer<String> written, PrintStream err) {
        this.written = written;
        this.err = err;
    }

    @Override
    public void accept(String line) {
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (IOException notJson) {
            // The runtime client's own start-up lines are plain text.
            return;
        }
        if (event.path("level").asText().equals("ERROR")) {
            err.println("function: " + line);
        }
        if (!event.path("logger").asText().equals(RECORD_LOGGER)) {
            return;
        }
        if (event.path("level").asText().equals("WARN")) {
            redelivered.incrementAndGet();
        } else if (event.path("status").asText().equals(WRITTEN)) {
            String bucket = event.path("bucket").asText();
            String key = event.path("key").asText();
            writtenByKey.put(
                    key,
                    new Written(
                            event.path("pages").asInt(), event.path("ocrPages").asInt()));
            written.accept(DocumentId.of(bucket, key));
        }
    }

    int redelivered() {
        return redelivered.get();
    }

    /** The pages of these objects, as their lines gave them; an object with no line counts none. */
    long pages(Collection<String> keys) {
        return sum(keys, Written::pages);
    }

    long ocrPages(Collection<String> keys) {
        return sum(keys, Written::ocrPages);
    }

    private long sum(Collection<String> keys, ToIntFunction<Written> count) {
        return keys.stream()
                .map(writtenByKey::get)
                .filter(Objects::nonNull)
                .mapToLong(count::applyAsInt)
                .sum();
    }
}
