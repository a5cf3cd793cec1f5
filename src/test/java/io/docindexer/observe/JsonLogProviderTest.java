package io.docindexer.observe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.spi.SLF4JServiceProvider;

class JsonLogProviderTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.120Z");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void aLineHasTheKeysOfLambdasJsonLogFormatThenTheContextThenTheEventsOwn() throws IOException {
        JsonLogProvider provider = provider(Map.of());
        provider.getMDCAdapter().put("messageId", "m1");
        provider.getMDCAdapter().put("AWSRequestId", "r1");

        logger(provider, "io.docindexer.observe.LoggingObserver")
                .atInfo()
                .addKeyValue("key", "reports/q1 2026+draft.pdf")
                .addKeyValue("status", "indexed")
                .addKeyValue("pages", 3)
                .log("record {}", "indexed");

        JsonNode line = onlyLine();
        assertThat(fieldNames(line))
                .containsExactly(
                        "timestamp",
                        "level",
                        "message",
                        "logger",
                        "AWSRequestId",
                        "messageId",
                        "key",
                        "status",
                        "pages");
        assertThat(line.path("timestamp").asText()).isEqualTo("2026-12-04T10:15:30.120Z");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("message").asText()).isEqualTo("record indexed");
        assertThat(line.path("logger").asText()).isEqualTo("io.docindexer.observe.LoggingObserver");
        assertThat(line.path("pages").isInt()).isTrue();
        assertThat(out.toString(UTF_8)).contains("\"key\":\"reports/q1 2026+draft.pdf\",\"status\":\"indexed\"");
    }

    @Test
    void aKeyTheEventGivesItselfIsNotRepeatedFromTheContext() throws IOException {
        JsonLogProvider provider = provider(Map.of());
        provider.getMDCAdapter().put("key", "in/context.pdf");

        logger(provider, "x")
                .atWarn()
                .addKeyValue("key", "given/by/the/event.pdf")
                .log("overridden");

        JsonNode line = onlyLine();
        assertThat(fieldNames(line)).containsOnlyOnce("key");
        assertThat(line.path("key").asText()).isEqualTo("given/by/the/event.pdf");
        assertThat(line.path("level").asText()).isEqualTo("WARN");
    }

    @Test
    void anErrorAddsItsTypeMessageAndStackTraceCausesIncluded() throws IOException {
        IllegalStateException error =
                new IllegalStateException("cache bucket unreachable", new IOException("connection reset"));

        logger(provider(Map.of()), "x").warn("could not cache s3://{}/{}", "bucket", "a.pdf", error);

        JsonNode line = onlyLine();
        assertThat(line.path("message").asText()).isEqualTo("could not cache s3://bucket/a.pdf");
        assertThat(line.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.path("errorMessage").asText()).isEqualTo("cache bucket unreachable");
        assertThat(line.path("stackTrace").get(0).asText())
                .isEqualTo("java.lang.IllegalStateException: cache bucket unreachable");
        assertThat(line.path("stackTrace").toString()).contains("Caused by: java.io.IOException: connection reset");
    }

    @Test
    void mapsListsNumbersAndBooleansStayJson() throws IOException {
        logger(provider(Map.of()), "x")
                .atInfo()
                .addKeyValue("filter", Map.of("keyPrefix", "invoices/"))
                .addKeyValue("keys", List.of("a", "b"))
                .addKeyValue("dryRun", true)
                .addKeyValue("examined", 12L)
                .addKeyValue("stoppedBecause", (Object) null)
                .log("redrive");

        JsonNode line = onlyLine();
        assertThat(line.path("filter").path("keyPrefix").asText()).isEqualTo("invoices/");
        assertThat(line.path("keys").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(line.path("dryRun").isBoolean()).isTrue();
        assertThat(line.path("examined").asLong()).isEqualTo(12);
        assertThat(line.path("stoppedBecause").isNull()).isTrue();
    }

    @Test
    void linesBelowTheFunctionsApplicationLogLevelAreNotWritten() throws IOException {
        Logger logger = logger(provider(Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN")), "x");

        logger.info("dropped");
        logger.atInfo().addKeyValue("k", "v").log("dropped too");
        logger.warn("kept");

        assertThat(onlyLine().path("message").asText()).isEqualTo("kept");
    }

    @Test
    void debugIsOffUnlessLambdaAsksForIt() {
        assertThat(logger(provider(Map.of()), "x").isDebugEnabled()).isFalse();
        assertThat(logger(provider(Map.of("AWS_LAMBDA_LOG_LEVEL", "DEBUG")), "x")
                        .isDebugEnabled())
                .isTrue();
    }

    @Test
    void pdfBoxsWarningForEveryFallbackFontIsHeldBack() {
        Logger fonts = logger(provider(Map.of()), "org.apache.pdfbox.pdmodel.font.PDType1Font");

        fonts.warn("Using fallback font LiberationSans for Helvetica");

        assertThat(out.toString(UTF_8)).isEmpty();
        assertThat(fonts.isErrorEnabled()).isTrue();
    }

    @Test
    void slf4jFindsTheProviderThroughItsServiceFile() {
        List<String> found = new ArrayList<>();
        ServiceLoader.load(SLF4JServiceProvider.class)
                .forEach(provider -> found.add(provider.getClass().getName()));

        assertThat(found).contains(JsonLogProvider.class.getName());
    }

    private JsonLogProvider provider(Map<String, String> env) {
        JsonLogProvider provider =
                new JsonLogProvider(new PrintStream(out, true, UTF_8), env, Clock.fixed(NOW, ZoneOffset.UTC));
        provider.initialize();
        return provider;
    }

    private static Logger logger(JsonLogProvider provider, String name) {
        return provider.getLoggerFactory().getLogger(name);
    }

    private JsonNode onlyLine() throws IOException {
        List<String> lines = out.toString(UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        return new ObjectMapper().readTree(lines.get(0));
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
