package io.docindexer.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.extract.ExtractionLimits;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class PoisonImageTest {

    @Test
    void isASmallFileOfExactlyTheMostPixelsTheExtractorAcceptsAsRgb() throws Exception {
        byte[] png = PoisonImage.png();

        assertThat(png.length).isLessThan(1_000_000);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            reader.setInput(input);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            assertThat(pixels).isEqualTo(ExtractionLimits.defaults().maxPixelsPerPage());
            assertThat(reader.getRawImageType(0).getNumBands()).isEqualTo(3);
            reader.dispose();
        }
    }
}
