package io.docindexer.extract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What extraction made of one file: its pages, or the reason there are none
 * ({@code metadataOnlyReason} is null when the document is indexed with its text).
 * {@code truncated} says the text was cut at {@link ExtractionLimits#maxChars()}. {@code thumbnail}
 * is a picture of the first page of a PDF or of an image, null for every other file and for
 * metadata-only documents (nothing is drawn from a file that was refused).
 */
public record ExtractedDocument(
        String contentType,
        List<ExtractedPage> pages,
        MetadataOnlyReason metadataOnlyReason,
        boolean truncated,
        Thumbnail thumbnail) {

    public ExtractedDocument {
        pages = List.copyOf(pages);
    }

    public static ExtractedDocument ofPages(String contentType, List<ExtractedPage> pages, boolean truncated) {
        return new ExtractedDocument(contentType, pages, null, truncated, null);
    }

    /** This document with a thumbnail, or as it is when {@code made} is null. */
    public ExtractedDocument withThumbnail(Thumbnail made) {
        return new ExtractedDocument(contentType, pages, metadataOnlyReason, truncated, made);
    }

    public static ExtractedDocument metadataOnly(String contentType, MetadataOnlyReason reason) {
        return new ExtractedDocument(contentType, List.of(), reason, false, null);
    }

    public boolean isMetadataOnly() {
        return metadataOnlyReason != null;
    }

    public int pageCount() {
        return pages.size();
    }

    public int ocrPageCount() {
        return (int) pages.stream().filter(ExtractedPage::ocr).count();
    }

    /** All pages' text, pages separated by a blank line. */
    public String text() {
        return pages.stream().map(ExtractedPage::text).collect(Collectors.joining("\n\n"));
    }
}
