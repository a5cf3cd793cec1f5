package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrQualityTest {

    @TempDir
    Path corpus;

    @Test
    void comparesBothSidesAgainstTheGroundTruthAndCountsWhatEachRead() throws Exception {
        Files.writeString(corpus.resolve("a.txt"), "abcdefghij");
        Files.writeString(
                corpus.resolve("expected.json"), "{\"files\": [{\"path\": \"a.png\", \"ground_truth\": \"a.txt\"}]}");
        GroundTruth truth = GroundTruth.near(corpus);
        List<Path> files = List.of(corpus.resolve("a.png"), corpus.resolve("b.png"));

        OcrQuality quality = OcrQuality.of(files, List.of("abcdefghij", "1234"), List.of("abcdefghiX", "12"), truth);
        ObjectNode line = new ObjectMapper().createObjectNode();
        quality.addTo(line);

        assertThat(line.get("cerFiles").asInt()).isEqualTo(1);
        assertThat(line.get("oursCerPercent").asDouble()).isZero();
        assertThat(line.get("referenceCerPercent").asDouble()).isEqualTo(10.0);
        assertThat(line.get("oursChars").asLong()).isEqualTo(14);
        assertThat(line.get("referenceChars").asLong()).isEqualTo(12);
    }

    @Test
    void withoutGroundTruthTheRatesAreNull() throws Exception {
        OcrQuality quality = OcrQuality.of(
                List.of(corpus.resolve("a.png")), List.of("abc"), List.of("ab"), GroundTruth.near(corpus));
        ObjectNode line = new ObjectMapper().createObjectNode();
        quality.addTo(line);

        assertThat(line.get("oursCerPercent").isNull()).isTrue();
        assertThat(line.get("referenceChars").asLong()).isEqualTo(2);
    }
}
