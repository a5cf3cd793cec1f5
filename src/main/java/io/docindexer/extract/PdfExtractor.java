package io.docindexer.extract;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDFs page by page: the text layer where there is one, OCR of the rendered page where there is
 * not. Memory stays bounded: PDFBox reads the file through a temp-file-backed cache, and page
 * images are rendered one at a time as OCR slots free up. The thumbnail of page 1 comes from the
 * image rendered for its OCR when it is a scan, and from one render at thumbnail size otherwise.
 */
final class PdfExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(PdfExtractor.class);

    /** Resolution Tesseract reads best at; lowered for big pages so they fit maxPixelsPerPage. */
    static final float OCR_DPI = 300;
    /** Below this, body text is too small for Tesseract to read; bigger pages are refused. */
    static final float MIN_OCR_DPI = 150;
    /**
     * A page whose text layer has fewer non-blank characters than this, and that shows an image,
     * is taken for a scan (scanners often stamp a page number or a date on it as text).
     */
    private static final int MIN_TEXT_LAYER_CHARS = 16;

    private static final float POINTS_PER_INCH = 72;

    private final ExtractionLimits limits;

    PdfExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    ExtractedDocument extract(Path file, PageOcr ocr, TextBudget budget, ExtractionProgress progress)
            throws IOException {
        String contentType = FileType.PDF_TYPE;
        List<PendingPage> pending;
        int pageCount;
        FirstPageThumbnail thumbnail = new FirstPageThumbnail();
        DocumentMetadata metadata;
        try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            pageCount = document.getNumberOfPages();
            metadata = PdfMetadata.read(document);
            pending = startPages(document, ocr, progress, thumbnail);
        } catch (InvalidPasswordException e) {
            return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.ENCRYPTED);
        } catch (IOException | RuntimeException e) {
            // OCR failures surface in resolveAll below, outside this try.
            return ContentFailure.recorded(contentType, e);
        }
        List<ExtractedPage> pages = PendingPage.resolveAll(pending, budget);
        if (pages.size() < pageCount) {
            throw new ExtractionPausedException(pages, pageCount);
        }
        return ExtractedDocument.ofPages(contentType, pages, budget.truncated())
                .withThumbnail(thumbnail.made())
                .withMetadata(metadata);
    }

    /**
     * Starts every page in order, reusing an earlier attempt's pages, until done or out of time.
     * Scanned pages the progress leaves to page-range tasks are checked against the limits, then
     * deferred.
     */
    private List<PendingPage> startPages(
            PDDocument document, PageOcr ocr, ExtractionProgress progress, FirstPageThumbnail thumbnail)
            throws IOException {
        int pageCount = document.getNumberOfPages();
        if (pageCount > limits.maxPages()) {
            // Refused rather than cut: a document indexed by its first pages would look complete
            // to whoever searches for text from its later pages. MAX_PAGES can be raised.
            throw new RefusedContentException(MetadataOnlyReason.TOO_MANY_PAGES, pageCount + " pages");
        }
        PDFTextStripper stripper = new PDFTextStripper();
        PDFRenderer renderer = new PDFRenderer(document);
        // Decode embedded images no larger than the page is rendered, not at their own size.
        renderer.setSubsamplingAllowed(true);
        IntPredicate readHere = progress.scannedPagesReadHere(pagesShowingImages(document, progress));
        List<PendingPage> pending = new ArrayList<>(pageCount);
        for (int index = 0; index < pageCount; index++) {
            int number = index + 1;
            Optional<ExtractedPage> earlier = progress.earlierPage(number);
            if (earlier.isPresent()) {
                // A checkpoint keeps page 1's text, not its image: a continuation draws it again,
                // at thumbnail size, which costs a small part of the OCR the checkpoint saves.
                if (index == 0) {
                    renderThumbnail(renderer, document.getPage(0), thumbnail);
                }
                pending.add(PendingPage.ofEarlierAttempt(earlier.get()));
                continue;
            }
            if (progress.outOfTime()) {
                break;
            }
            stripper.setStartPage(number);
            stripper.setEndPage(number);
            String text = stripper.getText(document);
            PDPage page = document.getPage(index);
            PageImages images = PageImages.of(page.getResources());
            if (hasTextLayer(text) || !images.any()) {
                if (index == 0) {
                    renderThumbnail(renderer, page, thumbnail);
                }
                pending.add(PendingPage.ofTextLayer(number, text));
            } else {
                if (images.largestPixels() > limits.maxPixelsPerPage()) {
                    throw new RefusedContentException(
                            MetadataOnlyReason.TOO_MANY_PIXELS,
                            "page " + number + " draws an image of " + images.largestPixels() + " pixels");
                }
                float dpi = ocrDpi(page.getCropBox(), number);
                if (!readHere.test(number)) {
                    if (index == 0) {
                        renderThumbnail(renderer, page, thumbnail);
                    }
                    pending.add(PendingPage.ofDeferred(number));
                    continue;
                }
                int pageIndex = index;
                PageOcr.PageImage image = () -> renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
                pending.add(PendingPage.ofOcr(
                        number, ocr.submit(index == 0 ? () -> thumbnail.from(image.render()) : image)));
            }
        }
        return pending;
    }

    /**
     * The pages not read before that show an image: those that may be scans, found without reading
     * a text layer, so that the progress can choose before any page is rendered.
     */
    private static List<Integer> pagesShowingImages(PDDocument document, ExtractionProgress progress)
            throws IOException {
        List<Integer> pages = new ArrayList<>();
        for (int number = 1; number <= document.getNumberOfPages(); number++) {
            if (progress.earlierPage(number).isEmpty()
                    && PageImages.of(document.getPage(number - 1).getResources())
                            .any()) {
                pages.add(number);
            }
        }
        return pages;
    }

    /**
     * Renders page 1 at thumbnail size, in colour. A page that draws an image over the pixel limit
     * gets none (the limit is for decoding, whatever the output size), and neither does a page
     * PDFBox cannot draw: its text is indexed all the same, so neither is a reason to refuse it.
     */
    private void renderThumbnail(PDFRenderer renderer, PDPage page, FirstPageThumbnail thumbnail) throws IOException {
        if (PageImages.of(page.getResources()).largestPixels() > limits.maxPixelsPerPage()) {
            return;
        }
        PDRectangle box = page.getCropBox();
        float dpi = Thumbnails.dpiFor(box.getWidth(), box.getHeight());
        try {
            thumbnail.from(renderer.renderImageWithDPI(0, dpi, ImageType.RGB));
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException | RuntimeException undrawable) {
            LOG.warn("no thumbnail: page 1 could not be drawn: {}", undrawable.toString());
        }
    }

    private static boolean hasTextLayer(String text) {
        return text.codePoints()
                        .filter(c -> !Character.isWhitespace(c))
                        .limit(MIN_TEXT_LAYER_CHARS)
                        .count()
                >= MIN_TEXT_LAYER_CHARS;
    }

    /**
     * The resolution to render a page at: {@value #OCR_DPI} dpi, or less if that would exceed
     * maxPixelsPerPage. Checked before rendering, from the page size alone.
     */
    private float ocrDpi(PDRectangle box, int number) {
        double squareInches = (box.getWidth() / POINTS_PER_INCH) * (box.getHeight() / POINTS_PER_INCH);
        double fittingDpi = Math.sqrt(limits.maxPixelsPerPage() / squareInches);
        if (fittingDpi >= OCR_DPI) {
            return OCR_DPI;
        }
        if (fittingDpi < MIN_OCR_DPI) {
            throw new RefusedContentException(
                    MetadataOnlyReason.TOO_MANY_PIXELS,
                    "page " + number + " is " + Math.round(squareInches) + " square inches");
        }
        return (float) Math.floor(fittingDpi);
    }
}
