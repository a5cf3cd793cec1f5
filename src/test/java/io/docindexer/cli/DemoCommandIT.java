package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./docindexer demo DIR --query Q} as a user runs it: its own local stack, a folder, a query. */
class DemoCommandIT {

    private static final String SCANNED_CONTRACT = "保守契約書-スキャン2ページ目.pdf";
    private static final String NOTE = "meeting notes+agenda.txt";

    @Test
    void aFolderIsIndexedAndTheQueryShowsThePageItsSnippetAndTheThumbnails(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("contracts"));
        Files.copy(DocumentFolder.SAMPLES.resolve(SCANNED_CONTRACT), folder.resolve(SCANNED_CONTRACT));
        Files.copy(DocumentFolder.SAMPLES.resolve(NOTE), folder.resolve(NOTE));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exitCode = new DemoCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(List.of(folder.toString(), "--query", "秘密保持"));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(output).isEqualTo(Main.OK);
        assertThat(output.lines().filter(line -> line.startsWith(SCANNED_CONTRACT)))
                .singleElement()
                .asString()
                .contains("indexed");
        // The phrase is only on page 2, the scanned one.
        assertThat(output)
                .contains("search \"秘密保持\": 1 hit")
                .contains("page 2: ")
                .contains("[秘密保持]");
        Path thumbnail = DemoCommand.THUMBNAILS.resolve("contracts/" + SCANNED_CONTRACT + ".jpg");
        assertThat(output).contains(thumbnail.toString());
        assertThat(thumbnail).isNotEmptyFile();
        assertThat(output.lines().filter(line -> line.contains(NOTE) && line.endsWith("none")))
                .hasSize(1);
    }
}
