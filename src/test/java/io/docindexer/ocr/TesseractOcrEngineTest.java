package io.docindexer.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the Tesseract layer that the build puts in target/tesseract-layer (see pom.xml). */
class TesseractOcrEngineTest {

    private static final String JAPANESE_FONT = RenderedText.JAPANESE_FONT;

    private static TesseractOcrEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = TesseractOcrEngine.fromEnvironment(TesseractOcrEngine.DEFAULT_LANGUAGES);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void readsAPlainScanAlmostWithoutErrors() throws IOException {
        OcrResult result =
                engine.recognize(ImageIO.read(Corpus.file("ocr/phototest.tif").toFile()));

        assertThat(CharacterErrorRate.of(result.text(), Corpus.text("ocr/phototest.gold.txt")))
                .isLessThanOrEqualTo(0.01);
        assertThat(result.meanConfidence()).isGreaterThan(80);
    }

    @Test
    void readsAccentedEuropeanText() throws IOException {
        OcrResult result =
                engine.recognize(ImageIO.read(Corpus.file("ocr/eurotext.tif").toFile()));

        assertThat(CharacterErrorRate.of(result.text(), Corpus.text("ocr/eurotext.txt")))
                .isLessThanOrEqualTo(0.03);
    }

    @Test
    void readsAnUpsideDownScan() throws IOException {
        OcrResult result = engine.recognize(
                ImageIO.read(Corpus.file("ocr/phototest-rotated-180.png").toFile()));

        assertThat(CharacterErrorRate.of(result.text(), Corpus.text("ocr/phototest.gold.txt")))
                .isLessThanOrEqualTo(0.02);
    }

    @Test
    void readsScansLyingOnEitherSide() throws IOException {
        BufferedImage upright = ImageIO.read(Corpus.file("ocr/phototest.tif").toFile());
        String gold = Corpus.text("ocr/phototest.gold.txt");

        for (int degrees : new int[] {90, 270}) {
            OcrResult result = engine.recognize(GrayImages.turned(GrayImages.toGray(upright), degrees / 90));

            assertThat(CharacterErrorRate.of(result.text(), gold))
                    .as("turned %d degrees", degrees)
                    .isLessThanOrEqualTo(0.02);
        }
    }

    @Test
    void readsASmallPictureOfAScanWhicheverWayItIsTurned() throws IOException {
        // The page at a third of its size (213x160): text about 8 pixels high, which Tesseract
        // reads as noise unless the picture is enlarged, and whose orientation it misjudges.
        BufferedImage page =
                GrayImages.toGray(ImageIO.read(Corpus.file("ocr/phototest.tif").toFile()));
        BufferedImage small = GrayImages.scaled(page, page.getWidth() / 3, page.getHeight() / 3);
        String gold = Corpus.text("ocr/phototest.gold.txt");

        for (int quarterTurns = 0; quarterTurns < 4; quarterTurns++) {
            OcrResult result = engine.recognize(GrayImages.turned(small, quarterTurns));

            double errorRate = CharacterErrorRate.of(result.text(), gold);
            System.out.printf(
                    "small scan turned %d degrees: CER %.4f, confidence %.0f%n",
                    quarterTurns * 90, errorRate, result.meanConfidence());
            assertThat(errorRate).as("turned %d degrees", quarterTurns * 90).isLessThanOrEqualTo(0.15);
        }
    }

    @Test
    void japaneseReadsAsJapaneseWithNoSpacesBetweenItsCharacters() {
        assumeJapaneseFont();

        OcrResult result =
                engine.recognize(RenderedText.render("業務委託契約書\n株式会社サンプル", new Font(JAPANESE_FONT, Font.PLAIN, 40)));

        // An exact-phrase query and a snippet need the words as written: 「業務 委託 契約 書」 matches neither.
        assertThat(result.text()).contains("業務委託契約書", "株式会社サンプル");
    }

    @Test
    void verticalJapaneseIsReadColumnByColumn() {
        assumeJapaneseFont();
        String text = "業務委託契約書\n株式会社サンプル";

        OcrResult result = engine.recognize(RenderedText.renderVertical(text, new Font(JAPANESE_FONT, Font.PLAIN, 40)));

        // The jpn model reads tategaki with jpn_vert, which the layer carries for it.
        double errorRate = CharacterErrorRate.ignoringWhitespace(result.text(), text);
        System.out.printf(
                "CER vertical Japanese: %.4f (%s)%n", errorRate, result.text().strip());
        assertThat(errorRate).isLessThanOrEqualTo(0.15);
    }

    @Test
    void readsJapanese() {
        assumeJapaneseFont();
        String text = "吾輩は猫である。名前はまだ無い。\nどこで生れたかとんと見当がつかぬ。\n東京都千代田区の文書管理システム";

        OcrResult result = engine.recognize(RenderedText.render(text, new Font(JAPANESE_FONT, Font.PLAIN, 40)));

        double errorRate = CharacterErrorRate.ignoringWhitespace(result.text(), text);
        System.out.printf("CER Japanese rendered with %s: %.4f%n", JAPANESE_FONT, errorRate);
        assertThat(errorRate).isLessThanOrEqualTo(0.10);
    }

    @Test
    void givesTheSameTextFromSeveralThreadsAtOnce() throws Exception {
        BufferedImage image = ImageIO.read(Corpus.file("ocr/phototest.tif").toFile());
        String alone = engine.recognize(image).text();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<OcrResult>> results = threads.invokeAll(List.of(
                    () -> engine.recognize(image), () -> engine.recognize(image),
                    () -> engine.recognize(image), () -> engine.recognize(image)));

            for (Future<OcrResult> result : results) {
                assertThat(result.get().text()).isEqualTo(alone);
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void reportsAMissingTessdataPrefixAtInit() {
        assertThatThrownBy(() -> new TesseractOcrEngine(null, "eng", 1))
                .isInstanceOf(OcrSetupException.class)
                .hasMessageContaining("TESSDATA_PREFIX is not set");
    }

    @Test
    void reportsAMissingLanguageModelAtInit(@TempDir Path emptyFolder) {
        assertThatThrownBy(() -> new TesseractOcrEngine(emptyFolder.toString(), "eng+jpn", 1))
                .isInstanceOf(OcrSetupException.class)
                .hasMessageContaining("eng.traineddata")
                .hasMessageContaining("jpn.traineddata")
                .hasMessageContaining("osd.traineddata");
    }

    private static void assumeJapaneseFont() {
        assumeTrue(
                RenderedText.japaneseFontInstalled(),
                "font '" + JAPANESE_FONT + "' is not installed: apt-get install fonts-noto-cjk");
    }
}
