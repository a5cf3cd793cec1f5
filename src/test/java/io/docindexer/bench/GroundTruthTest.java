package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

    @TempDir
    Path corpus;

    @Test
    void readsTheGroundTruthNamedByTheNearestExpectedJsonAbove() throws Exception {
        Path ocr = Files.createDirectories(corpus.resolve("ocr"));
        Files.writeString(ocr.resolve("page.txt"), "the page's text");
        Files.writeString(corpus.resolve("expected.json"), """
                {"files": [
                  {"path": "ocr/page.tif", "ground_truth": "ocr/page.txt"},
                  {"path": "ocr/other.png", "contains": []}
                ]}
                """);

        GroundTruth truth = GroundTruth.near(ocr);

        assertThat(truth.size()).isEqualTo(1);
        assertThat(truth.of(ocr.resolve("page.tif"))).contains("the page's text");
        assertThat(truth.of(ocr.resolve("other.png"))).isEmpty();
    }

    @Test
    void aFolderWithoutExpectedJsonHasNoGroundTruth() throws Exception {
        // The temp folder's parents (/tmp, /) have no expected.json.
        assertThat(GroundTruth.near(corpus).size()).isZero();
    }

    @Test
    void theRealCorpusHasGroundTruthForItsOcrImages() throws Exception {
        GroundTruth truth = GroundTruth.near(Path.of("src/test/resources/corpus/ocr"));

        assertThat(truth.of(Path.of("src/test/resources/corpus/ocr/phototest.tif")))
                .hasValueSatisfying(text -> assertThat(text).contains("quick brown dog"));
    }

    @Test
    void imagesMadeAtBenchmarkTimeBringTheirOwnGroundTruth() throws Exception {
        Path rendered = corpus.resolve("rendered/contract.png");

        GroundTruth truth = GroundTruth.near(corpus).with(Map.of(rendered, "業務委託契約書"));

        assertThat(truth.size()).isEqualTo(1);
        assertThat(truth.of(corpus.resolve("rendered/../rendered/contract.png")))
                .contains("業務委託契約書");
    }
}
