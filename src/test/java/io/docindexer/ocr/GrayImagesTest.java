package io.docindexer.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class GrayImagesTest {

    @Test
    void aQuarterTurnClockwiseTakesTheTopLeftCornerToTheTopRight() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, 200);

        BufferedImage turned = GrayImages.turned(image, 1);

        assertThat(turned.getWidth()).isEqualTo(2);
        assertThat(turned.getHeight()).isEqualTo(3);
        assertThat(turned.getRaster().getSample(1, 0, 0)).isEqualTo(200);
        assertThat(GrayImages.turned(image, 2).getRaster().getSample(2, 1, 0)).isEqualTo(200);
        assertThat(GrayImages.turned(image, 3).getRaster().getSample(0, 2, 0)).isEqualTo(200);
    }

    @Test
    void fourQuarterTurnsGiveTheSamePixels() {
        BufferedImage image = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 3; y++) {
                image.getRaster().setSample(x, y, 0, x * 40 + y);
            }
        }

        BufferedImage back = image;
        for (int i = 0; i < 4; i++) {
            back = GrayImages.turned(back, 1);
        }

        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 3; y++) {
                assertThat(back.getRaster().getSample(x, y, 0)).isEqualTo(x * 40 + y);
            }
        }
    }

    @Test
    void anEnlargedImageIsTheFactorTimesAsWideAndHighWithItsInkWhereItWas() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(3, 2, 0, 255);

        BufferedImage enlarged = GrayImages.enlarged(image, 3);

        assertThat(enlarged.getWidth()).isEqualTo(12);
        assertThat(enlarged.getHeight()).isEqualTo(9);
        assertThat(enlarged.getRaster().getSample(11, 8, 0)).isGreaterThan(128);
        assertThat(enlarged.getRaster().getSample(0, 0, 0)).isZero();
    }
}
