package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatBenchmarkTest {

    @TempDir
    Path folder;

    @Test
    void groupsEveryFileInTheTreeByItsLowerCaseExtension() throws IOException {
        Files.createDirectories(folder.resolve("office/old"));
        Path docx = Files.writeString(folder.resolve("office/a.docx"), "x");
        Path upperDocx = Files.writeString(folder.resolve("office/old/B.DOCX"), "x");
        Path pdf = Files.writeString(folder.resolve("c.pdf"), "x");
        Path bare = Files.writeString(folder.resolve("README"), "x");
        Path hidden = Files.writeString(folder.resolve(".profile"), "x");

        Map<String, List<Path>> byFormat = FormatBenchmark.filesByExtension(folder);

        assertThat(byFormat).containsOnlyKeys("docx", "pdf", "none");
        assertThat(byFormat.get("docx")).containsExactlyInAnyOrder(docx, upperDocx);
        assertThat(byFormat.get("pdf")).containsExactly(pdf);
        assertThat(byFormat.get("none")).containsExactlyInAnyOrder(bare, hidden);
    }

    @Test
    void theMedianRoundSetsTheRatesSoOneDisturbedRoundDoesNot() {
        // 20 files of 5 MB in total per round; rounds of 2 s, 4 s and a disturbed 40 s.
        FormatThroughput throughput =
                FormatThroughput.of(20, 5_000_000, List.of(40_000_000_000L, 2_000_000_000L, 4_000_000_000L));

        assertThat(throughput.medianSeconds()).isEqualTo(4.0);
        assertThat(throughput.filesPerSecond()).isEqualTo(5.0);
        assertThat(throughput.megabytesPerSecond()).isEqualTo(1.25);
    }

    @Test
    void anEvenNumberOfRoundsTakesTheMiddleTwo() {
        FormatThroughput throughput = FormatThroughput.of(10, 1_000_000, List.of(1_000_000_000L, 3_000_000_000L));

        assertThat(throughput.medianSeconds()).isEqualTo(2.0);
    }

    @Test
    void noRoundsIsAnError() {
        assertThatThrownBy(() -> FormatThroughput.of(10, 1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
