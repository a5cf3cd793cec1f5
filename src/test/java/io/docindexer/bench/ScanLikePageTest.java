package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;

class ScanLikePageTest {

    private static final String TEXT = """
            業務委託契約書

            第1条（目的）甲は、紙の書類を電子化し検索できるようにする業務を乙に委託し、乙はこれを受託する。本業務の委託料は月額385,000円とする。
            """;

    @Test
    void theSameSeedGivesTheSamePixels() {
        assumeFont();

        ScanLikePage.Page first = ScanLikePage.horizontal(TEXT, RenderedScans.FONT, 42);
        ScanLikePage.Page second = ScanLikePage.horizontal(TEXT, RenderedScans.FONT, 42);

        assertThat(pixels(second.image())).isEqualTo(pixels(first.image()));
        assertThat(second.text()).isEqualTo(first.text());
    }

    @Test
    void anotherSeedGivesAnotherScanOfTheSameText() {
        assumeFont();

        ScanLikePage.Page first = ScanLikePage.horizontal(TEXT, RenderedScans.FONT, 42);
        ScanLikePage.Page other = ScanLikePage.horizontal(TEXT, RenderedScans.FONT, 43);

        assertThat(pixels(other.image())).isNotEqualTo(pixels(first.image()));
        assertThat(other.text()).isEqualTo(first.text());
    }

    @Test
    void aPageIsA4At300DpiInBlackAndWhite() {
        assumeFont();

        BufferedImage image =
                ScanLikePage.vertical("年末年始の休業について", RenderedScans.FONT, 1).image();

        assertThat(image.getWidth()).isEqualTo(2480);
        assertThat(image.getHeight()).isEqualTo(3508);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
    }

    @Test
    void theGroundTruthIsTheTextAsWrappedOnThePage() {
        assumeFont();

        ScanLikePage.Page page = ScanLikePage.horizontal(TEXT, RenderedScans.FONT, 42);

        assertThat(page.text().lines().count())
                .isGreaterThan(TEXT.strip().lines().count());
        assertThat(page.text().replace("\n", "")).isEqualTo(TEXT.strip().replace("\n", ""));
    }

    @Test
    void wrappingBreaksLongLinesKeepsEmptyOnesAndNeverStartsALineWithAClosingMark() {
        // Three characters fit; the full stop stays with the line before it.
        assertThat(ScanLikePage.wrap("甲は乙に。委託する\n\n以上", 3, String::length))
                .containsExactly("甲は乙", "に。委", "託する", "", "以上");
        assertThat(ScanLikePage.wrap("甲は乙。", 3, String::length)).containsExactly("甲は乙。");
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static void assumeFont() {
        assumeTrue(
                RenderedScans.fontInstalled(),
                "font '" + RenderedScans.FONT + "' is not installed: apt-get install fonts-noto-cjk");
    }
}
