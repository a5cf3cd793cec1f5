package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredPagesTest {

    @TempDir
    Path temp;

    private final FakeOcrEngine ocr = new FakeOcrEngine("recognised page", 1);
    private final DocumentExtractor extractor =
            new DocumentExtractor(new ExtractionLimits(100L * 1024 * 1024, 2_000, 100_000_000L, 60), ocr);

    @AfterEach
    void stopOcrThreads() {
        extractor.close();
    }

    @Test
    void scannedPagesLeftToRangeTasksHoldTheirPlaceUnreadAndPageOneStillGetsItsThumbnail() throws Exception {
        Path scan = TestFiles.scannedPdf(temp.resolve("scan.pdf"), TestFiles.blankImage(200, 280), 4, PDRectangle.A6);

        ExtractedDocument partial = extractor.extract(scan, "scan.pdf", readingOnly(page -> false));

        assertThat(partial.pages())
                .allSatisfy(page -> assertThat(page.deferred()).isTrue());
        assertThat(partial.deferredPages()).containsExactly(1, 2, 3, 4);
        assertThat(partial.ocrPageCount()).isZero();
        assertThat(ocr.imageSizes()).as("pages recognised").isEmpty();
        assertThat(partial.thumbnail()).isNotNull();
    }

    @Test
    void onlyThePagesTheProgressChoosesAreRecognised() throws Exception {
        Path scan = TestFiles.scannedPdf(temp.resolve("scan.pdf"), TestFiles.blankImage(200, 280), 4, PDRectangle.A6);

        ExtractedDocument document = extractor.extract(scan, "scan.pdf", readingOnly(page -> page >= 3));

        assertThat(document.deferredPages()).containsExactly(1, 2);
        assertThat(document.pages().get(2).text()).isEqualTo("recognised page");
        assertThat(ocr.imageSizes()).hasSize(2);
    }

    @Test
    void fillingInPutsTheReadPagesInPlaceChargesTheTextBudgetAgainAndDetectsTheLanguages() {
        ExtractedDocument partial = ExtractedDocument.ofPages(
                "application/pdf",
                List.of(
                        ExtractedPage.fromTextLayer(1, "Cover letter for the invoices that follow"),
                        ExtractedPage.deferred(2),
                        ExtractedPage.deferred(3)),
                false);

        ExtractedDocument complete = extractor.fillIn(
                partial,
                List.of(
                        ExtractedPage.fromOcr(3, "third page, cut by the budget", 88f),
                        ExtractedPage.fromOcr(2, "second", 90f)));

        assertThat(complete.deferredPages()).isEmpty();
        assertThat(complete.pages()).extracting(ExtractedPage::number).containsExactly(1, 2, 3);
        assertThat(complete.pages().get(1).text()).isEqualTo("second");
        // 60 characters in all: 41 + 6 leave 13 for page 3.
        assertThat(complete.pages().get(2).text()).isEqualTo("third page, c");
        assertThat(complete.truncated()).isTrue();
        assertThat(complete.ocrPageCount()).isEqualTo(2);
        assertThat(complete.languages()).containsExactly("en");
    }

    @Test
    void aDeferredPageNoRangeReadIsAnError() {
        ExtractedDocument partial = ExtractedDocument.ofPages(
                "application/pdf", List.of(ExtractedPage.deferred(1), ExtractedPage.deferred(2)), false);

        assertThatThrownBy(() -> extractor.fillIn(partial, List.of(ExtractedPage.fromOcr(1, "first", 90f))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deferred page 2 was not read");
    }

    private static ExtractionProgress readingOnly(IntPredicate pages) {
        return new ExtractionProgress() {
            @Override
            public Optional<ExtractedPage> earlierPage(int number) {
                return Optional.empty();
            }

            @Override
            public boolean outOfTime() {
                return false;
            }

            @Override
            public IntPredicate scannedPagesReadHere(List<Integer> pagesShowingImages) {
                return pages;
            }
        };
    }
}
