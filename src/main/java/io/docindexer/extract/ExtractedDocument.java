package io.docindexer.extract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What extraction made of one file: its pages, or the reason there are none
 * ({@code metadataOnlyReason} is null when the document is indexed with its text).
 * {@code truncated} says the text was cut at {@link ExtractionLimits#maxChars()}. {@code thumbnail}
 * is a picture of the first page of a PDF or of an image, null for every other file and for
 * metadata-only documents (nothing is drawn from a file that was refused). {@code metadata} is what
 * a PDF or an image says about itself, read while the extractor has the file open; {@code languages}
 * the ISO 639-1 codes of its text, the one taking most room first, added by
 * {@link DocumentExtractor} once every page is read. {@code entries} are the files inside a zip or
 * attached to an e-mail, nested ones included (flattened, each with its path); empty for every
 * other file and for a container refused as a whole.
 */
public record ExtractedDocument(
        String contentType,
        List<ExtractedPage> pages,
        MetadataOnlyReason metadataOnlyReason,
        boolean truncated,
        Thumbnail thumbnail,
        DocumentMetadata metadata,
        List<String> languages,
        List<ExtractedEntry> entries) {

    public ExtractedDocument {
        pages = List.copyOf(pages);
        // Absent in cache entries written before metadata was extracted.
        metadata = metadata == null ? DocumentMetadata.NONE : metadata;
        languages = languages == null ? List.of() : List.copyOf(languages);
        // Absent in cache entries written before containers were read.
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** As above, for a file that is no container. */
    public ExtractedDocument(
            String contentType,
            List<ExtractedPage> pages,
            MetadataOnlyReason metadataOnlyReason,
            boolean truncated,
            Thumbnail thumbnail,
            DocumentMetadata metadata,
            List<String> languages) {
        this(contentType, pages, metadataOnlyReason, truncated, thumbnail, metadata, languages, List.of());
    }

    public static ExtractedDocument ofPages(String contentType, List<ExtractedPage> pages, boolean truncated) {
        return new ExtractedDocument(contentType, pages, null, truncated, null, DocumentMetadata.NONE, List.of());
    }

    public static ExtractedDocument metadataOnly(String contentType, MetadataOnlyReason reason) {
        return new ExtractedDocument(contentType, List.of(), reason, false, null, DocumentMetadata.NONE, List.of());
    }

    /** This document with a thumbnail, or as it is when {@code made} is null. */
    public ExtractedDocument withThumbnail(Thumbnail made) {
        return new ExtractedDocument(
                contentType, pages, metadataOnlyReason, truncated, made, metadata, languages, entries);
    }

    /** This document with what the file says about itself. */
    ExtractedDocument withMetadata(DocumentMetadata read) {
        return new ExtractedDocument(
                contentType, pages, metadataOnlyReason, truncated, thumbnail, read, languages, entries);
    }

    /** This document with its pages' languages and its own. */
    ExtractedDocument withLanguages(List<ExtractedPage> pagesWithLanguage, List<String> documentLanguages) {
        return new ExtractedDocument(
                contentType,
                pagesWithLanguage,
                metadataOnlyReason,
                truncated,
                thumbnail,
                metadata,
                documentLanguages,
                entries);
    }

    /**
     * This document as an entry of a container keeps neither a thumbnail (entries get none, and a
     * thousand of them would hold megabytes) nor entries (the container lists them flat).
     */
    ExtractedDocument asEntry() {
        return new ExtractedDocument(
                contentType, pages, metadataOnlyReason, truncated, null, metadata, languages, List.of());
    }

    /** This document with the files inside it. */
    ExtractedDocument withEntries(List<ExtractedEntry> found) {
        return new ExtractedDocument(
                contentType, pages, metadataOnlyReason, truncated, thumbnail, metadata, languages, found);
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

    /** The numbers of the scanned pages left to page-range tasks, in order; none once they are read. */
    public List<Integer> deferredPages() {
        return pages.stream()
                .filter(ExtractedPage::deferred)
                .map(ExtractedPage::number)
                .toList();
    }

    /** All pages' text, pages separated by a blank line. */
    public String text() {
        return pages.stream().map(ExtractedPage::text).collect(Collectors.joining("\n\n"));
    }
}
