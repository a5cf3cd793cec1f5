package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dispatch and limits, with a fake OCR engine: no natives needed. */
class DocumentExtractorTest {

    private static final ExtractionLimits LIMITS = new ExtractionLimits(1_000_000, 5, 40_000_000, 1_000);

    @TempDir
    Path folder;

    private final FakeOcrEngine ocr = new FakeOcrEngine("recognised", 2);
    private final DocumentExtractor extractor = new DocumentExtractor(LIMITS, ocr);

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void anEmptyFileIsRecordedAsEmpty() throws IOException {
        ExtractedDocument document = extractor.extract(Files.createFile(folder.resolve("a.pdf")), "a.pdf");

        assertThat(document.metadataOnlyReason()).isEqualTo(MetadataOnlyReason.EMPTY_FILE);
    }

    @Test
    void aFileOverMaxObjectBytesIsNotRead() throws IOException {
        Path file = Files.write(folder.resolve("big.txt"), new byte[1_000_001]);

        assertThat(extractor.extract(file, "big.txt").metadataOnlyReason()).isEqualTo(MetadataOnlyReason.TOO_LARGE);
    }

    @Test
    void anUnknownFormatIsUnsupported() throws IOException {
        // A 7-Zip archive: zip archives are read (ContainerExtractionTest), 7-Zip ones are not.
        Path file = Files.write(
                folder.resolve("archive.7z"), new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4});

        ExtractedDocument document = extractor.extract(file, "archive.7z");

        assertThat(document.metadataOnlyReason()).isEqualTo(MetadataOnlyReason.UNSUPPORTED);
        // Not read, but named: the record says what the file is.
        assertThat(document.contentType()).isEqualTo("application/x-7z-compressed");
    }

    @Test
    void theSignatureWinsOverAMisleadingExtension() throws IOException {
        Path file = TestFiles.textPdf(folder.resolve("x"), List.of("Quarterly report for the board"));

        ExtractedDocument document = extractor.extract(file, "report.txt");

        assertThat(document.contentType()).isEqualTo("application/pdf");
        assertThat(document.text()).contains("Quarterly report for the board");
    }

    @Test
    void plainTextGetsTheContentTypeOfItsExtension() throws IOException {
        Path file = Files.writeString(folder.resolve("x"), "{\"a\": 1}", StandardCharsets.UTF_8);

        ExtractedDocument document = extractor.extract(file, "data.json");

        assertThat(document.contentType()).isEqualTo("application/json");
        assertThat(document.text()).isEqualTo("{\"a\": 1}");
    }

    @Test
    void aDamagedPdfIsCorrupt() throws IOException {
        Path file = Files.writeString(
                folder.resolve("x.pdf"), "%PDF-1.7\nthis is not a pdf body", StandardCharsets.US_ASCII);

        assertThat(extractor.extract(file, "x.pdf").metadataOnlyReason()).isEqualTo(MetadataOnlyReason.CORRUPT);
    }

    @Test
    void aDamagedImageIsCorrupt() throws IOException {
        Path file = Files.write(folder.resolve("x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5, 6});

        assertThat(extractor.extract(file, "x.png").metadataOnlyReason()).isEqualTo(MetadataOnlyReason.CORRUPT);
    }

    @Test
    void aPdfWithMorePagesThanAllowedIsRecordedWithoutText() throws IOException {
        Path file = TestFiles.textPdf(folder.resolve("long.pdf"), List.of("1", "2", "3", "4", "5", "6"));

        assertThat(extractor.extract(file, "long.pdf").metadataOnlyReason())
                .isEqualTo(MetadataOnlyReason.TOO_MANY_PAGES);
    }

    @Test
    void anImageBombIsRefusedFromItsHeaderAlone() throws IOException {
        Path file = TestFiles.pngHeaderOnly(folder.resolve("bomb.png"), 100_000, 100_000);

        ExtractedDocument document = extractor.extract(file, "bomb.png");

        assertThat(document.metadataOnlyReason()).isEqualTo(MetadataOnlyReason.TOO_MANY_PIXELS);
        assertThat(ocr.imageSizes()).isEmpty();
    }

    @Test
    void everyPageOfAMultiPageTiffIsRecognised() throws IOException {
        Path file = TestFiles.multiPageTiff(folder.resolve("fax.tif"), 3);

        ExtractedDocument document = extractor.extract(file, "fax.tif");

        assertThat(document.pageCount()).isEqualTo(3);
        assertThat(document.ocrPageCount()).isEqualTo(3);
        assertThat(ocr.imageSizes()).containsExactlyInAnyOrder("100x50", "101x50", "102x50");
    }

    @Test
    void aScannedPageIsRenderedAt300DpiAndRecognised() throws IOException {
        Path file = TestFiles.scannedPdf(
                folder.resolve("scan.pdf"), TestFiles.blankImage(200, 100), 1, new PDRectangle(144, 72));

        ExtractedDocument document = extractor.extract(file, "scan.pdf");

        assertThat(document.pages())
                .containsExactly(ExtractedPage.fromOcr(1, "recognised", 90).withLanguage("en"));
        assertThat(ocr.imageSizes()).containsExactly("600x300");
    }

    @Test
    void aBigScannedPageIsRenderedAtALowerResolutionThatFitsTheLimit() throws IOException {
        // 30 x 30 inches: 81 million pixels at 300 dpi; 40 million allowed fit at 210 dpi.
        PDRectangle poster = new PDRectangle(30 * 72, 30 * 72);
        Path file = TestFiles.scannedPdf(folder.resolve("poster.pdf"), TestFiles.blankImage(100, 100), 1, poster);

        ExtractedDocument document = extractor.extract(file, "poster.pdf");

        assertThat(document.isMetadataOnly()).isFalse();
        assertThat(ocr.imageSizes()).containsExactly("6300x6300");
    }

    @Test
    void aScannedPageTooBigEvenAtTheLowestResolutionIsRefused() throws IOException {
        PDRectangle wall = new PDRectangle(100 * 72, 100 * 72);
        Path file = TestFiles.scannedPdf(folder.resolve("wall.pdf"), TestFiles.blankImage(100, 100), 1, wall);

        assertThat(extractor.extract(file, "wall.pdf").metadataOnlyReason())
                .isEqualTo(MetadataOnlyReason.TOO_MANY_PIXELS);
        assertThat(ocr.imageSizes()).isEmpty();
    }

    @Test
    void maxCharsCutsTheWholeDocumentButKeepsItsPageCount() throws IOException {
        String page = "a".repeat(400);
        Path file = TestFiles.textPdf(folder.resolve("three.pdf"), List.of(page, page, page));

        ExtractedDocument document = extractor.extract(file, "three.pdf");

        assertThat(document.truncated()).isTrue();
        assertThat(document.pageCount()).isEqualTo(3);
        assertThat(document.pages().stream().mapToInt(p -> p.text().length()).sum())
                .isEqualTo(1_000);
    }
}
