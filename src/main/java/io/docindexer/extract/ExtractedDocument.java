package io.docindexer.extract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What extraction made of one file: its pages, or the reason there are none
 * ({@code metadataOnlyReason} is null when the document is indexed with its text).
 * {@code truncated} says the text was cut at {@link ExtractionLimits#maxChars()}.
 */
public record ExtractedDocument(
        String contentType, List<ExtractedPage> pages, MetadataOnlyReason metadataOnlyReason, boolean truncated) {

    public ExtractedDocument {
        pages = List.copyOf(pages);
    }

    public static ExtractedDocument ofPages(String contentType, List<ExtractedPage> pages, boolean truncated) {
        return new ExtractedDocument(contentType, pages, null, truncated);
    }

    public static ExtractedDocument metadataOnly(String contentType, MetadataOnlyReason reason) {
        return new ExtractedDocument(contentType, List.of(), reason, false);
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
