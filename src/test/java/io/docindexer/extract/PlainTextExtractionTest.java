package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextExtractionTest {

    /** Long enough for a statistical guess: a short Japanese line is ambiguous between encodings. */
    private static final String JAPANESE = """
            吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。
            何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。
            東京都千代田区丸の内一丁目、株式会社ドキュメント管理の請求書（第１２３号）
            """;

    @TempDir
    Path folder;

    private final PlainTextExtractor extractor = new PlainTextExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"Shift_JIS", "windows-31j", "EUC-JP", "UTF-8", "UTF-16LE"})
    void decodesJapaneseInTheEncodingItWasWrittenIn(String encoding) throws IOException {
        Path file = write("notes.txt", bomFor(encoding) + JAPANESE, Charset.forName(encoding));

        ExtractedDocument document = extractor.extract(file, "text/plain", new TextBudget(1_000_000));

        assertThat(document.text()).isEqualTo(JAPANESE);
        assertThat(document.truncated()).isFalse();
    }

    @Test
    void dropsTheByteOrderMarkOfUtf8() throws IOException {
        Path file = folder.resolve("bom.csv");
        Files.write(
                file,
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "名前,値\n".getBytes(StandardCharsets.UTF_8)));

        ExtractedDocument document = extractor.extract(file, "text/csv", new TextBudget(1_000_000));

        assertThat(document.text()).isEqualTo("名前,値\n");
    }

    @Test
    void readsPlainAsciiAsItIs() throws IOException {
        Path file = write("app.log", "2026-01-01 started\n", StandardCharsets.US_ASCII);

        assertThat(extractor.extract(file, "text/plain", new TextBudget(1_000)).text())
                .isEqualTo("2026-01-01 started\n");
    }

    @Test
    void cutsTextAtMaxCharsAndSaysSo() throws IOException {
        Path file = write("long.txt", "x".repeat(10_000), StandardCharsets.UTF_8);

        ExtractedDocument document = extractor.extract(file, "text/plain", new TextBudget(100));

        assertThat(document.text()).hasSize(100);
        assertThat(document.truncated()).isTrue();
    }

    @Test
    void keepsTextOfExactlyMaxChars() throws IOException {
        Path file = write("exact.txt", "y".repeat(100), StandardCharsets.UTF_8);

        ExtractedDocument document = extractor.extract(file, "text/plain", new TextBudget(100));

        assertThat(document.text()).hasSize(100);
        assertThat(document.truncated()).isFalse();
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, text.getBytes(charset));
        return file;
    }

    /** UTF-16 without a BOM cannot be told from binary; real UTF-16 files carry one. */
    private static String bomFor(String encoding) {
        return encoding.startsWith("UTF-16") ? "\uFEFF" : "";
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
