package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractArgumentsTest {

    @Test
    void optionsMayComeAnywhereAmongTheFiles(@TempDir Path temp) throws Exception {
        Path pdf = Files.writeString(temp.resolve("a.pdf"), "%PDF-1.7");
        Path scan = Files.writeString(temp.resolve("b.png"), "png");

        ExtractArguments arguments = ExtractArguments.parse(
                List.of(pdf.toString(), "--thumbnails", temp.resolve("thumbs").toString(), "--json", scan.toString()));

        assertThat(arguments.json()).isTrue();
        assertThat(arguments.thumbnails()).isEqualTo(temp.resolve("thumbs"));
        assertThat(arguments.files()).containsExactly(pdf, scan);
    }

    @Test
    void plainTextAndNoThumbnailsUnlessAsked(@TempDir Path temp) throws Exception {
        Path pdf = Files.writeString(temp.resolve("a.pdf"), "%PDF-1.7");

        ExtractArguments arguments = ExtractArguments.parse(List.of(pdf.toString()));

        assertThat(arguments.json()).isFalse();
        assertThat(arguments.thumbnails()).isNull();
    }

    @Test
    void mistakesSayWhatWasWrongAndHowToCallIt(@TempDir Path temp) {
        assertThatThrownBy(() -> ExtractArguments.parse(List.of("--json")))
                .hasMessageContaining("give at least one file")
                .hasMessageContaining(ExtractArguments.USAGE);
        assertThatThrownBy(() -> ExtractArguments.parse(
                        List.of(temp.resolve("missing.pdf").toString())))
                .hasMessageContaining("no file at");
        assertThatThrownBy(() -> ExtractArguments.parse(List.of("--thumbnails")))
                .hasMessageContaining("--thumbnails needs the folder");
        assertThatThrownBy(() -> ExtractArguments.parse(List.of("--pages", "x.pdf")))
                .hasMessageContaining("unknown option '--pages'");
    }
}
