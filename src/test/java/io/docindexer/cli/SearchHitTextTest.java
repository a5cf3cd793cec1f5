package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.MatchingPage;
import io.docindexer.index.SearchHit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchHitTextTest {

    private static final Instant MODIFIED = Instant.parse("2026-03-31T09:00:00Z");

    @Test
    void adjacentHighlightsOfOneMatchBecomeOneMarkedRun() {
        assertThat(SearchHitText.readable("業務委託<em>契</em><em>約</em><em>書</em>\n株式会社"))
                .isEqualTo("業務委託[契約書] 株式会社");
    }

    @Test
    void escapedCharactersAreShownAsThemselves() {
        assertThat(SearchHitText.readable("R&amp;D &lt;draft&gt; <em>revenue</em> 2026&#x2F;Q1"))
                .isEqualTo("R&D <draft> [revenue] 2026/Q1");
    }

    @Test
    void eachHitShowsItsFileScoreKeyAndThumbnailThenItsPagesBestFirstWithTheirSnippets() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SearchHitText.print(
                List.of(
                        new SearchHit(
                                "reports/q1.pdf",
                                "q1.pdf",
                                "pdf",
                                52_000,
                                MODIFIED,
                                "indexed",
                                null,
                                3.5,
                                List.of("the <em>revenue</em> grew", "<em>revenue</em> by region"),
                                List.of(
                                        new MatchingPage(2, List.of("the <em>revenue</em> grew")),
                                        new MatchingPage(7, List.of("<em>revenue</em> by region"))),
                                "thumbnails/abc/0A-1.jpg",
                                null,
                                null),
                        new SearchHit(
                                "scans/revenue.tif",
                                "revenue.tif",
                                "tif",
                                9_000_000,
                                MODIFIED,
                                "metadata-only",
                                "too-large",
                                1.25,
                                List.of(),
                                List.of(),
                                null,
                                null,
                                null)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "  q1.pdf                              3.50  reports/q1.pdf",
                        "      thumbnail thumbnails/abc/0A-1.jpg",
                        "      page 2: the [revenue] grew",
                        "      page 7: [revenue] by region",
                        "  revenue.tif                         1.25  scans/revenue.tif  (name only, no text: too-large)");
    }

    @Test
    void aDocumentWithoutPagesYetShowsItsSnippetsAlone() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SearchHitText.print(
                List.of(new SearchHit(
                        "old/q1.txt",
                        "q1.txt",
                        "txt",
                        120,
                        MODIFIED,
                        "indexed",
                        null,
                        2.0,
                        List.of("the <em>revenue</em> grew"),
                        List.of(),
                        null,
                        null,
                        null)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("  q1.txt                              2.00  old/q1.txt", "      the [revenue] grew");
    }

    @Test
    void aFileInsideAContainerNamesItsContainerAndItsPathThere() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SearchHitText.print(
                List.of(new SearchHit(
                        "mail/a.eml!/report.pdf",
                        "report.pdf",
                        "pdf",
                        17_000,
                        MODIFIED,
                        "indexed",
                        null,
                        2.0,
                        List.of(),
                        List.of(new MatchingPage(1, List.of("the <em>report</em>"))),
                        null,
                        "mail/a.eml",
                        "report.pdf")),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "  report.pdf                          2.00  mail/a.eml!/report.pdf",
                        "      in mail/a.eml, at report.pdf",
                        "      page 1: the [report]");
    }
}
