package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docindexer.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class RenderedScansTest {

    @TempDir
    Path texts;

    @TempDir
    Path out;

    @Test
    void eachPageTextBecomesA300DpiImageWithItsTextAsGroundTruth() throws Exception {
        assumeTrue(RenderedScans.fontInstalled(), "apt-get install fonts-noto-cjk");
        Files.writeString(texts.resolve("invoice.txt"), "請求書\nご請求金額 ¥218,900\n");
        Files.writeString(texts.resolve("notice-vertical.txt"), "社内通知\n年末年始の休業について\n");

        Map<Path, String> rendered = RenderedScans.render(texts, out);

        assertThat(rendered)
                .containsExactly(
                        Map.entry(out.resolve("invoice.png").toAbsolutePath(), "請求書\nご請求金額 ¥218,900"),
                        Map.entry(out.resolve("notice-vertical.png").toAbsolutePath(), "社内通知\n年末年始の休業について"));
        assertThat(dotsPerInch(out.resolve("invoice.png"))).isEqualTo(300);
    }

    @Test
    void aFolderWithoutPageTextsIsAUsageError() {
        assertThatThrownBy(() -> RenderedScans.render(texts, out))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no page texts (*.txt) in " + texts);
    }

    @Test
    void theCorpusHasJapanesePagesToRender() throws Exception {
        assertThat(BenchCorpus.list(Path.of("src/test/resources/corpus/ocr-ja"), Set.of("txt")))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(page ->
                        assertThat(PageLanguage.of(Files.readString(page))).isEqualTo("jpn"));
    }

    private static long dotsPerInch(Path png) throws Exception {
        try (ImageInputStream stream = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(stream).next();
            reader.setInput(stream);
            Element physical = (Element) ((Element) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0"))
                    .getElementsByTagName("pHYs")
                    .item(0);
            return Math.round(Long.parseLong(physical.getAttribute("pixelsPerUnitXAxis")) * 0.0254);
        }
    }
}
