package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoArgumentsTest {

    @Test
    void withoutArgumentsTheSamplesAreIndexedAndTheSampleQueriesRun() {
        DemoArguments arguments = DemoArguments.parse(List.of());

        assertThat(arguments.folder().root()).isEqualTo(DocumentFolder.SAMPLES);
        assertThat(arguments.queries()).isEqualTo(DemoArguments.SAMPLE_QUERIES);
    }

    @Test
    void aFolderAndQueriesReplaceTheDefaults() {
        DemoArguments arguments = DemoArguments.parse(List.of("--query", "契約", "/data/scans", "--query", "invoice"));

        assertThat(arguments.folder().root()).isEqualTo(Path.of("/data/scans"));
        assertThat(arguments.queries()).containsExactly("契約", "invoice");
    }

    @Test
    void aFolderWithoutQueriesRunsNoSearch() {
        assertThat(DemoArguments.parse(List.of("scans")).queries()).isEmpty();
    }

    @Test
    void mistakesSayHowToCallTheDemo() {
        assertThatThrownBy(() -> DemoArguments.parse(List.of("a", "b")))
                .hasMessageContaining("one folder")
                .hasMessageContaining(DemoArguments.USAGE);
        assertThatThrownBy(() -> DemoArguments.parse(List.of("--query")))
                .hasMessageContaining("--query needs the words");
        assertThatThrownBy(() -> DemoArguments.parse(List.of("--queries", "x")))
                .hasMessageContaining("unknown option --queries");
    }

    @Test
    void filesBelowTheFolderKeepTheirPlaceInTheirKeysAndHiddenOnesAreLeftOut(@TempDir Path temp) throws Exception {
        Path scans = Files.createDirectories(temp.resolve("scans/2026 12"));
        Files.writeString(scans.resolve("請求書.txt"), "請求書");
        Files.writeString(temp.resolve("scans/notes.txt"), "notes");
        Files.createDirectories(temp.resolve("scans/.git"));
        Files.writeString(temp.resolve("scans/.git/config"), "hidden");
        DocumentFolder folder = DocumentFolder.of(temp.resolve("scans"));

        assertThat(folder.files()).extracting(folder::key).containsExactly("scans/2026 12/請求書.txt", "scans/notes.txt");
    }

    @Test
    void aMissingOrEmptyFolderIsAUsageError(@TempDir Path temp) {
        assertThatThrownBy(() -> DocumentFolder.of(temp.resolve("nope")).files())
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no folder");
        assertThatThrownBy(() -> DocumentFolder.of(temp).files())
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("holds no files");
    }
}
