package io.docindexer.local.searchpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.docindexer.local.Closer;
import io.docindexer.local.LocalPipeline;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page in a real browser: the samples (and a file whose name and text are markup)
 * indexed through S3, SQS and the handler, the page served as {@code ./docindexer stack} serves
 * it, and headless Chromium opening {@code ?q=} addresses and reading what it rendered.
 */
@ExtendWith(LocalServersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageIT {

    private static final Duration INDEXING = Duration.ofMinutes(3);
    private static final Duration RENDERING = Duration.ofSeconds(30);
    /** A name and a text that would run script if any of them reached the page as markup. */
    private static final String HOSTILE_NAME = "<img src=x onerror=\"document.title='pwned'\">.txt";

    private static final String HOSTILE_TEXT = "Zebrafish notes <script>document.title='pwned'</script>"
            + " and <img src=x onerror=\"document.title='pwned'\"> and a literal <em>tag</em>.";

    private final String run = "page-" + UUID.randomUUID().toString().substring(0, 8);

    @AutoClose
    private final Closer toClose = new Closer();

    private final HttpClient http = HttpClient.newHttpClient();
    private SearchPage page;
    private HeadlessChromium browser;

    @BeforeAll
    void indexTheSamplesAndOpenABrowser(LocalServers stack, @TempDir Path scratch) throws Exception {
        LocalServers.Queues queues = stack.createQueues(run, 60, 5);
        LocalPipeline pipeline = toClose.add(LocalPipeline.start(stack, queues));
        Path hostile = scratch.resolve("hostile.txt");
        Files.writeString(hostile, HOSTILE_TEXT);
        List<String> sent = new ArrayList<>();
        try (Stream<Path> samples = Files.list(Path.of("samples"))) {
            for (Path sample : samples.sorted().toList()) {
                sent.add(pipeline.upload(run + "/" + sample.getFileName(), sample));
            }
        }
        sent.add(pipeline.upload(run + "/" + HOSTILE_NAME, hostile));
        assertThat(pipeline.awaitFinalOutcomes(sent, INDEXING, done -> {}))
                .as("every sample indexed within %s", INDEXING)
                .isTrue();
        pipeline.index().refresh();

        page = toClose.add(SearchPage.start(
                new InetSocketAddress("127.0.0.1", 0),
                pipeline.index(),
                stack.s3(),
                LocalServers.BUCKET,
                LocalServers.THUMBNAIL_BUCKET));
        Path profile = scratch.resolve("chromium");
        Files.createDirectories(profile);
        browser = toClose.add(HeadlessChromium.start(profile));
    }

    @Test
    void anEnglishQueryShowsThePdfWithItsThumbnailItsPageAndTheMarkedWord() throws Exception {
        open("revenue");

        JsonNode hit = firstHit();
        assertThat(hit.path("name").asText()).isEqualTo("quarterly report 2026+draft.pdf");
        assertThat(hit.path("key").asText()).isEqualTo(run + "/quarterly report 2026+draft.pdf");
        assertThat(hit.path("status").asText()).isEqualTo("indexed");
        assertThat(hit.path("pages").get(0).asText()).isEqualTo("page 1");
        assertThat(hit.path("marks").get(0).asText()).isEqualToIgnoringCase("revenue");
        assertThat(hit.path("thumbnailWidth").asInt()).as("thumbnail loaded").isPositive();

        String pageLink = hit.path("pageLink").asText();
        assertThat(pageLink).endsWith("#page=1");
        HttpResponse<byte[]> file = get(URI.create(pageLink.substring(0, pageLink.indexOf('#'))));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.body()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aJapaneseQueryFindsTheScannedSecondPageOfTheContract() throws Exception {
        // 秘密保持 is only on page 2 of the contract, which is a scan: OCR put it there.
        open("秘密保持");

        JsonNode hit = firstHit();
        assertThat(hit.path("name").asText()).isEqualTo("保守契約書-スキャン2ページ目.pdf");
        assertThat(hit.path("pages").get(0).asText()).isEqualTo("page 2");
        assertThat(hit.path("pageLink").asText()).endsWith("#page=2");
        assertThat(hit.path("marks").get(0).asText()).isEqualTo("秘密保持");
        assertThat(hit.path("thumbnailWidth").asInt()).as("thumbnail loaded").isPositive();
    }

    @Test
    void markupInANameOrTextIsShownAsTextAndNeverRuns() throws Exception {
        open("zebrafish");

        JsonNode hit = firstHit();
        assertThat(hit.path("name").asText()).isEqualTo(HOSTILE_NAME);
        assertThat(hit.path("snippet").asText())
                .contains("<script>document.title='pwned'</script>")
                .contains("<img src=x onerror=\"document.title='pwned'\">")
                .contains("a literal <em>tag</em>");
        assertThat(browser.evaluate("document.querySelectorAll('#results script, #results img:not(.thumbnail img),"
                                + " #results em').length")
                        .asInt())
                .isZero();
        assertThat(browser.evaluate("document.title").asText()).isEqualTo("DocIndexer search");
    }

    @Test
    void halfComposedJapaneseNeverSearchesAndTheCommittedWordsDo(@TempDir Path profile) throws Exception {
        // A browser of its own: the test stops its clock.
        try (HeadlessChromium typing = HeadlessChromium.start(profile)) {
            typing.open(page.address().resolve("/?prefix=" + URLEncoder.encode(run + "/", StandardCharsets.UTF_8)));
            typing.evaluate("document.getElementById('q').focus()");
            typing.awaitTrue("document.activeElement.id === 'q'", "the search field to have focus", RENDERING);

            typing.compose("けいやくしょ");
            typing.letTimePass(Duration.ofSeconds(2));

            assertThat(typing.evaluate("document.getElementById('q').value").asText())
                    .isEqualTo("けいやくしょ");
            assertThat(typing.evaluate("document.getElementById('summary').textContent")
                            .asText())
                    .as("no search while composing")
                    .isEmpty();

            typing.commit("契約書");
            typing.letTimePass(Duration.ofSeconds(2));

            typing.awaitTrue(
                    "document.getElementById('summary').textContent.includes('match “契約書”')",
                    "the committed words' results",
                    RENDERING);
        }
    }

    @Test
    void theStatusFilterNarrowsTheResultsAndAnUnknownStatusIsRefusedWithTheReason() throws Exception {
        open("zebrafish", "&status=metadata-only");
        assertThat(browser.evaluate("document.getElementById('summary').textContent")
                        .asText())
                .isEqualTo("No file matches “zebrafish”.");
        assertThat(browser.evaluate("document.getElementById('status').value").asText())
                .isEqualTo("metadata-only");

        HttpResponse<byte[]> refused = get(page.address().resolve("/api/search?q=x&status=deleted"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("unknown status 'deleted'");
    }

    private void open(String query) throws Exception {
        open(query, "");
    }

    private void open(String query, String moreParameters) throws Exception {
        browser.open(page.address()
                .resolve("/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&prefix="
                        + URLEncoder.encode(run + "/", StandardCharsets.UTF_8) + moreParameters));
        browser.awaitTrue(
                "document.getElementById('q').value === " + jsString(query)
                        + " && !document.getElementById('summary').textContent.startsWith('Searching')"
                        + " && document.getElementById('summary').textContent !== ''",
                "the results of " + query,
                RENDERING);
    }

    /** The first result as the page shows it, once its thumbnail (if any) has loaded. */
    private JsonNode firstHit() throws Exception {
        browser.awaitTrue(
                "[...document.querySelectorAll('#results .hit img')].every(image => image.complete)",
                "the thumbnails",
                RENDERING);
        return browser.evaluate("""
                (() => {
                  const hit = document.querySelector('#results .hit');
                  if (!hit) return null;
                  const image = hit.querySelector('.thumbnail img');
                  return {
                    name: hit.querySelector('.name').textContent,
                    key: hit.querySelector('.key').textContent,
                    status: hit.querySelector('.status').textContent,
                    pages: [...hit.querySelectorAll('.page-number')].map(page => page.textContent),
                    pageLink: hit.querySelector('.page-number')?.href ?? null,
                    marks: [...hit.querySelectorAll('mark')].map(mark => mark.textContent),
                    snippet: hit.querySelector('.snippet')?.textContent ?? '',
                    thumbnailWidth: image ? image.naturalWidth : 0,
                  };
                })()
                """);
    }

    private HttpResponse<byte[]> get(URI address) throws Exception {
        return http.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
