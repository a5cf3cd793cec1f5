package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Sizing and encoding of thumbnails, on images made here. */
class ThumbnailsTest {

    @Test
    void aScanAt300DpiComesDownTo600PixelsOnItsLongestSideAndStaysGrey() {
        BufferedImage a4At300Dpi = TestFiles.blankImage(2480, 3508);

        BufferedImage small = Thumbnails.scaled(a4At300Dpi);

        assertThat(small.getWidth()).isEqualTo(424);
        assertThat(small.getHeight()).isEqualTo(600);
        assertThat(small.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    }

    @Test
    void aLandscapeImageIsBoundByItsWidth() {
        BufferedImage small = Thumbnails.scaled(new BufferedImage(1600, 1200, BufferedImage.TYPE_3BYTE_BGR));

        assertThat(small.getWidth()).isEqualTo(600);
        assertThat(small.getHeight()).isEqualTo(450);
        assertThat(small.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    }

    @Test
    void aBilevelScanWithABlackAndWhitePaletteGetsAGreyThumbnailAndAColourPaletteAColourOne() {
        BufferedImage bilevel = new BufferedImage(1700, 2200, BufferedImage.TYPE_BYTE_BINARY);
        BufferedImage colourPalette = new BufferedImage(1700, 2200, BufferedImage.TYPE_BYTE_INDEXED);

        assertThat(Thumbnails.scaled(bilevel).getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(Thumbnails.scaled(colourPalette).getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    }

    @Test
    void aSmallImageIsNotEnlarged() {
        BufferedImage small = Thumbnails.scaled(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB));

        assertThat(small.getWidth()).isEqualTo(200);
        assertThat(small.getHeight()).isEqualTo(100);
    }

    @Test
    void transparencyBecomesWhitePaperNotBlack() {
        BufferedImage transparent = new BufferedImage(800, 800, BufferedImage.TYPE_INT_ARGB);

        BufferedImage small = Thumbnails.scaled(transparent);

        assertThat(small.getRGB(300, 300) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void thinStrokesOfAScanSurviveTheReduction() {
        BufferedImage scan = TestFiles.blankImage(2480, 3508);
        Graphics2D graphics = scan.createGraphics();
        graphics.setColor(Color.BLACK);
        // Lines 2 px thick, 4 px apart: what 10 pt text strokes are at 300 dpi.
        for (int y = 0; y < 3508; y += 6) {
            graphics.fillRect(0, y, 2480, 2);
        }
        graphics.dispose();

        BufferedImage small = Thumbnails.scaled(scan);

        // One pixel skipped out of every four or so would leave white or black; averaging leaves grey.
        int grey = small.getRaster().getSample(200, 300, 0);
        assertThat(grey).isBetween(100, 230);
    }

    @Test
    void aPhotographIsAJpegUnder60Kilobytes() throws IOException {
        BufferedImage photo = noisyGradient(1800, 1200);

        Thumbnail thumbnail = Thumbnails.of(photo);

        assertThat(thumbnail.mediaType()).isEqualTo(Thumbnail.JPEG);
        assertThat(thumbnail.bytes().length).isLessThan(60 * 1024);
        assertSizeMatchesFile(thumbnail, 600, 400);
    }

    @Test
    void flatBlackAndWhiteIsAPngWhenThatIsSmaller() throws IOException {
        BufferedImage page = TestFiles.blankImage(1200, 1600);
        Graphics2D graphics = page.createGraphics();
        graphics.setColor(Color.BLACK);
        graphics.fillRect(100, 100, 1000, 200);
        graphics.dispose();

        Thumbnail thumbnail = Thumbnails.of(page);

        assertThat(thumbnail.mediaType()).isEqualTo(Thumbnail.PNG);
        assertThat(thumbnail.extension()).isEqualTo("png");
        assertSizeMatchesFile(thumbnail, 450, 600);
    }

    @Test
    void aColourPageIsAlwaysAJpegWithoutTryingPng() {
        BufferedImage page = new BufferedImage(1200, 1600, BufferedImage.TYPE_INT_RGB);

        assertThat(Thumbnails.of(page).mediaType()).isEqualTo(Thumbnail.JPEG);
    }

    @Test
    void anA4PageRendersAtAbout51DpiForItsThumbnail() {
        assertThat(Thumbnails.dpiFor(595, 842)).isEqualTo(600.5f * 72f / 842);
        assertThat(Thumbnails.dpiFor(842, 595)).isEqualTo(600.5f * 72f / 842);
    }

    private static void assertSizeMatchesFile(Thumbnail thumbnail, int width, int height) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(thumbnail.width()).isEqualTo(width);
        assertThat(decoded.getHeight()).isEqualTo(thumbnail.height()).isEqualTo(height);
    }

    /** Smooth colour with sensor-like noise: what a photograph is to an encoder. */
    private static BufferedImage noisyGradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = Math.min(255, x * 255 / width + random.nextInt(12));
                int green = Math.min(255, y * 255 / height + random.nextInt(12));
                int blue = Math.min(255, 128 + random.nextInt(12));
                image.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return image;
    }
}
