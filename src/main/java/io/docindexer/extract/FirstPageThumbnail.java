package io.docindexer.extract;

import java.awt.image.BufferedImage;

/**
 * The thumbnail of one document, made from its first page's image while the extractor holds it:
 * the image rendered or decoded for OCR is the same one, so a scanned page is rendered once. Used
 * by the extracting thread only (page images are produced on the caller's thread, see {@link PageOcr}).
 */
final class FirstPageThumbnail {

    private Thumbnail thumbnail;

    /** Makes the thumbnail from the page and hands the page on unchanged, for OCR. */
    BufferedImage from(BufferedImage page) {
        thumbnail = Thumbnails.of(page);
        return page;
    }

    /** The thumbnail, or null when the first page was never seen as an image. */
    Thumbnail made() {
        return thumbnail;
    }
}
