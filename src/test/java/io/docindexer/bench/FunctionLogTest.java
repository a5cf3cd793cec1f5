package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.DocumentId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionLogTest {

    private final List<String> written = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FunctionLog log = new FunctionLog(written::add, new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void anIndexedObjectsLineAnnouncesItsDocumentAndPages() {
        log.accept(objectLine("INFO", "Indexed", "bench/doc-000001.pdf", "indexed", 3, 1));
        log.accept(objectLine("INFO", "Indexed", "bench/doc-000002.pdf", "indexed", 2, 0));

        assertThat(written)
                .containsExactly(
                        DocumentId.of("documents", "bench/doc-000001.pdf"),
                        DocumentId.of("documents", "bench/doc-000002.pdf"));
        assertThat(log.pages(List.of("bench/doc-000001.pdf", "bench/doc-000002.pdf", "bench/never.pdf")))
                .isEqualTo(5);
        assertThat(log.ocrPages(List.of("bench/doc-000001.pdf"))).isEqualTo(1);
    }

    @Test
    void aRedeliveredRecordIsCountedAndAnnouncesNothing() {
        log.accept(objectLine("WARN", "Retry", "bench/doc-000003.pdf", "indexed", 1, 0));

        assertThat(log.redelivered()).isEqualTo(1);
        assertThat(written).isEmpty();
    }

    @Test
    void otherLinesAreSkippedAndErrorsShown() {
        log.accept("Picked up JAVA_TOOL_OPTIONS: -Djna.library.path=/opt/lib/x86_64");
        log.accept(objectLine("INFO", "Continued", "bench/big.pdf", "continued", 0, 0));
        log.accept("{\"timestamp\":\"2026-12-04T10:15:30.120Z\",\"level\":\"ERROR\",\"message\":\"init failed\","
                + "\"logger\":\"io.docindexer.ingest.IngestHandler\"}");

        assertThat(written).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("init failed");
    }

    /** A line as observe.LoggingObserver writes it through the function's JSON log binding. */
    private static String objectLine(String level, String outcome, String key, String status, int pages, int ocrPages) {
        return "{\"timestamp\":\"2026-12-04T10:15:30.120Z\",\"level\":\"" + level + "\",\"message\":\"record "
                + outcome.toLowerCase()
                + "\",\"logger\":\"io.docindexer.observe.LoggingObserver\",\"AWSRequestId\":\"r1\","
                + "\"messageId\":\"m1\",\"outcome\":\"" + outcome + "\",\"detail\":\"\",\"batchMillis\":41,"
                + "\"bucket\":\"documents\",\"key\":\"" + key + "\",\"status\":\"" + status + "\",\"pages\":" + pages
                + ",\"ocrPages\":" + ocrPages + ",\"chars\":450,\"bytes\":1200,\"extractMillis\":12}";
    }
}
