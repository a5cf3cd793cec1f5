package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PausedExtractionTest {

    @TempDir
    Path temp;

    private final FakeOcrEngine ocr = new FakeOcrEngine("recognised page", 1);
    private final DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), ocr);

    @AfterEach
    void stopOcrThreads() {
        extractor.close();
    }

    @Test
    void aLongScanPausesWhenTimeRunsOutKeepingEveryFinishedPageInOrder() throws Exception {
        Path scan = TestFiles.scannedPdf(temp.resolve("scan.pdf"), TestFiles.blankImage(200, 280), 5, PDRectangle.A6);

        ExtractionPausedException paused = catchThrowableOfType(
                ExtractionPausedException.class, () -> extractor.extract(scan, "scan.pdf", timeForPages(2, List.of())));

        assertThat(paused.pageCount()).isEqualTo(5);
        assertThat(paused.finishedPages()).extracting(ExtractedPage::number).containsExactly(1, 2);
        assertThat(paused.finishedPages())
                .allSatisfy(page -> assertThat(page.ocr()).isTrue());
        assertThat(ocr.imageSizes()).hasSize(2);
    }

    @Test
    void theNextAttemptResumesAfterTheFinishedPagesWithoutRecognisingThemAgain() throws Exception {
        Path scan = TestFiles.scannedPdf(temp.resolve("scan.pdf"), TestFiles.blankImage(200, 280), 5, PDRectangle.A6);
        List<ExtractedPage> finished = List.of(
                new ExtractedPage(1, "first attempt page 1", true, 91f),
                new ExtractedPage(2, "first attempt page 2", true, 92f));

        ExtractedDocument document = extractor.extract(scan, "scan.pdf", timeForPages(10, finished));

        assertThat(document.pageCount()).isEqualTo(5);
        // The checkpoint's pages come back as they were, with the language read for every page at the end.
        assertThat(document.pages().get(0)).isEqualTo(finished.get(0).withLanguage("en"));
        assertThat(document.pages().get(4).text()).isEqualTo("recognised page");
        assertThat(document.ocrPageCount()).isEqualTo(5);
        assertThat(ocr.imageSizes()).hasSize(3);
    }

    @Test
    void aResumedDocumentStillGetsTheThumbnailOfItsFirstPageWithoutRecognisingItAgain() throws Exception {
        Path scan = TestFiles.scannedPdf(temp.resolve("scan.pdf"), TestFiles.blankImage(200, 280), 3, PDRectangle.A6);
        List<ExtractedPage> finished = List.of(new ExtractedPage(1, "first attempt page 1", true, 91f));

        ExtractedDocument document = extractor.extract(scan, "scan.pdf", timeForPages(10, finished));

        assertThat(document.thumbnail()).isNotNull();
        assertThat(Math.max(document.thumbnail().width(), document.thumbnail().height()))
                .isEqualTo(Thumbnails.LONGEST_SIDE);
        assertThat(ocr.imageSizes()).hasSize(2);
    }

    /** Progress that reuses {@code earlier} and allows {@code pages} new pages to start. */
    private static ExtractionProgress timeForPages(int pages, List<ExtractedPage> earlier) {
        AtomicInteger started = new AtomicInteger();
        return new ExtractionProgress() {
            @Override
            public Optional<ExtractedPage> earlierPage(int number) {
                return earlier.stream().filter(page -> page.number() == number).findFirst();
            }

            @Override
            public boolean outOfTime() {
                return started.getAndIncrement() >= pages;
            }
        };
    }
}
