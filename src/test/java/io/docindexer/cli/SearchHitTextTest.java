package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.SearchHit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchHitTextTest {

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
    void eachHitShowsItsFileScoreAndKeyThenItsSnippets() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SearchHitText.print(
                List.of(
                        new SearchHit("reports/q1.pdf", "q1.pdf", "indexed", 3.5, List.of("the <em>revenue</em> grew")),
                        new SearchHit("scans/revenue.tif", "revenue.tif", "metadata-only", 1.25, List.of())),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "  q1.pdf                              3.50  reports/q1.pdf",
                        "      the [revenue] grew",
                        "  revenue.tif                         1.25  scans/revenue.tif  (name only: no text was extracted)");
    }
}
