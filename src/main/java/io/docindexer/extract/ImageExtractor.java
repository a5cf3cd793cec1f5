package io.docindexer.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Images through ImageIO readers (the JDK's PNG, JPEG, TIFF, BMP, GIF; TwelveMonkeys' WebP and Netpbm), OCRed page by page:
 * every page of a multi-page TIFF, the first frame of anything else (later GIF frames are
 * animation deltas, not pages). Dimensions come from the header and are checked before any
 * pixel is decoded, so a decompression bomb is refused, not decoded. The thumbnail is made from
 * the first page as decoded for OCR.
 */
final class ImageExtractor {

    private final ExtractionLimits limits;

    ImageExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    ExtractedDocument extract(Path file, FileType type, PageOcr ocr, TextBudget budget) throws IOException {
        String contentType = type.contentType();
        List<PendingPage> pending;
        FirstPageThumbnail thumbnail = new FirstPageThumbnail();
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(input);
            if (reader == null) {
                return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.CORRUPT);
            }
            try {
                reader.setInput(input, false, true);
                pending = startPages(reader, type, ocr, thumbnail);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return ContentFailure.recorded(contentType, e);
        }
        return ExtractedDocument.ofPages(contentType, PendingPage.resolveAll(pending, budget), budget.truncated())
                .withThumbnail(thumbnail.made())
                // EXIF sits in the file's header segments, which ImageIO's reader skips: a second, short read.
                .withMetadata(ImageMetadata.read(file));
    }

    private List<PendingPage> startPages(ImageReader reader, FileType type, PageOcr ocr, FirstPageThumbnail thumbnail)
            throws IOException {
        int pageCount = type.contentType().equals("image/tiff") ? reader.getNumImages(true) : 1;
        if (pageCount > limits.maxPages()) {
            throw new RefusedContentException(MetadataOnlyReason.TOO_MANY_PAGES, pageCount + " pages");
        }
        List<PendingPage> pending = new ArrayList<>(pageCount);
        for (int index = 0; index < pageCount; index++) {
            long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
            if (pixels > limits.maxPixelsPerPage()) {
                throw new RefusedContentException(
                        MetadataOnlyReason.TOO_MANY_PIXELS, "page " + (index + 1) + " has " + pixels + " pixels");
            }
            int imageIndex = index;
            // The first page's thumbnail comes from the image decoded for OCR: it is not read twice.
            PageOcr.PageImage image =
                    index == 0 ? () -> thumbnail.from(reader.read(imageIndex)) : () -> reader.read(imageIndex);
            pending.add(PendingPage.ofOcr(index + 1, ocr.submit(image)));
        }
        return pending;
    }

    private static ImageReader readerFor(ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        return readers.hasNext() ? readers.next() : null;
    }
}
