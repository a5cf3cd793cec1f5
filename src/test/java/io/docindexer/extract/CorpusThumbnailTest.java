package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.ocr.Corpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thumbnails of the corpus files: size and bytes within bounds for every PDF and image, none for
 * refused files. OCR is faked (the thumbnail does not depend on the text), so no natives are needed.
 */
class CorpusThumbnailTest {

    private static final int MAX_BYTES = Thumbnails.TYPICAL_MAX_BYTES;
    private static final DocumentExtractor EXTRACTOR =
            new DocumentExtractor(ExtractionLimits.defaults(), new FakeOcrEngine("text", 2));

    @AfterAll
    static void close() {
        EXTRACTOR.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pdf/minimal-document.pdf",
                "pdf/002-trivial-libre-office-writer.pdf",
                "pdf/pdflatex-4-pages.pdf",
                "pdf/google-doc-document.pdf",
                "pdf/multicolumn.pdf",
                "pdf/phototest-scanned.pdf",
                "ocr/phototest.tif",
                "ocr/phototest-rotated-180.png",
                "ocr/eurotext.tif",
                "ocr/8071_093.3B.tif"
            })
    void aPageOrImageGetsAThumbnailOf400To600PixelsUnder60Kilobytes(String path) throws IOException {
        Thumbnail thumbnail = thumbnailOf(path);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        System.out.printf(
                "thumbnail %-40s %s %dx%d %.1f KB%n",
                path, thumbnail.mediaType(), thumbnail.width(), thumbnail.height(), thumbnail.bytes().length / 1024.0);
        assertThat(decoded.getWidth()).isEqualTo(thumbnail.width());
        assertThat(decoded.getHeight()).isEqualTo(thumbnail.height());
        assertThat(Math.max(thumbnail.width(), thumbnail.height())).isBetween(400, 600);
        assertThat(thumbnail.bytes().length).isLessThan(MAX_BYTES);
    }

    @Test
    void aScannedPageIsDrawnFromTheImageRenderedForOcrWhichIsGrey() throws IOException {
        // A thumbnail render of its own would be in colour: grey proves the OCR image was reused.
        Thumbnail thumbnail = thumbnailOf("pdf/phototest-scanned.pdf");

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(decoded.getColorModel().getNumColorComponents()).isEqualTo(1);
    }

    @Test
    void aTextPageIsRenderedInColourAtThumbnailSize() throws IOException {
        Thumbnail thumbnail = thumbnailOf("pdf/google-doc-document.pdf");

        assertThat(Math.max(thumbnail.width(), thumbnail.height())).isEqualTo(Thumbnails.LONGEST_SIDE);
    }

    @Test
    void anEncryptedPdfGetsNone() throws IOException {
        Path file = Corpus.file("pdf/libreoffice-writer-password.pdf");

        ExtractedDocument document = EXTRACTOR.extract(file, file.getFileName().toString());

        assertThat(document.metadataOnlyReason()).isEqualTo(MetadataOnlyReason.ENCRYPTED);
        assertThat(document.thumbnail()).isNull();
    }

    private static Thumbnail thumbnailOf(String path) throws IOException {
        Path file = Corpus.file(path);
        ExtractedDocument document = EXTRACTOR.extract(file, file.getFileName().toString());
        assertThat(document.isMetadataOnly()).isFalse();
        assertThat(document.thumbnail()).as("thumbnail of " + path).isNotNull();
        return document.thumbnail();
    }
}
