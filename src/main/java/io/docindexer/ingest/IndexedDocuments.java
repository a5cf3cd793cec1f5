package io.docindexer.ingest;

import io.docindexer.batch.ObjectStatus;
import io.docindexer.cache.ExtractedObject;
import io.docindexer.event.ObjectEvent;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedEntry;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexedDocument;
import io.docindexer.index.PageText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Builds the document stored for an object from its event, what S3 returned and what was extracted. */
final class IndexedDocuments {

    private IndexedDocuments() {}

    /** @param thumbnailKey where the object's thumbnail was stored, or null */
    static IndexedDocument of(ObjectEvent event, ExtractedObject object, String thumbnailKey, Instant now) {
        ExtractedDocument extracted = object.document();
        boolean metadataOnly = extracted.isMetadataOnly();
        return new IndexedDocument(
                event.bucket(),
                event.key(),
                object.versionId() != null ? object.versionId() : event.versionId(),
                object.eTag() != null ? object.eTag() : event.eTag(),
                event.sequencer(),
                object.size(),
                extracted.contentType() != null ? extracted.contentType() : object.contentType(),
                extensionOf(event.fileName()),
                statusOf(extracted).code(),
                metadataOnly ? extracted.metadataOnlyReason().code() : null,
                extracted.pageCount(),
                extracted.ocrPageCount(),
                extracted.ocrPageCount() > 0,
                metadataOnly ? "" : extracted.text(),
                pageTexts(extracted.pages()),
                object.lastModified() != null ? object.lastModified() : event.eventTime(),
                MetadataFields.of(extracted.metadata()),
                extracted.languages(),
                object.sha256(),
                object.userMetadata(),
                now,
                thumbnailKey);
    }

    /**
     * The documents of a container's entries: each keyed by the container's key, {@code !/} and its
     * path inside (so a key-prefix search finds them with their container), with the container's
     * version, ETag, sequencer and modification time, and what was extracted from it. They have no
     * thumbnail, checksum or user metadata of their own.
     */
    static List<IndexOperation.Entry> entriesOf(IndexedDocument container, ExtractedDocument extracted) {
        return extracted.entries().stream()
                .map(entry -> new IndexOperation.Entry(entry.path(), entryDocument(container, entry)))
                .toList();
    }

    private static IndexedDocument entryDocument(IndexedDocument container, ExtractedEntry entry) {
        ExtractedDocument extracted = entry.document();
        boolean metadataOnly = extracted.isMetadataOnly();
        String key = container.key() + ExtractedEntry.SEPARATOR + entry.path();
        return new IndexedDocument(
                container.bucket(),
                key,
                container.versionId(),
                container.eTag(),
                container.sequencer(),
                entry.size(),
                extracted.contentType(),
                extensionOf(key.substring(key.lastIndexOf('/') + 1)),
                statusOf(extracted).code(),
                metadataOnly ? extracted.metadataOnlyReason().code() : null,
                extracted.pageCount(),
                extracted.ocrPageCount(),
                extracted.ocrPageCount() > 0,
                metadataOnly ? "" : extracted.text(),
                pageTexts(extracted.pages()),
                container.lastModified(),
                MetadataFields.of(extracted.metadata()),
                extracted.languages(),
                null,
                Map.of(),
                container.indexedAt(),
                null);
    }

    /** Every page read, in order; a metadata-only document has none, a partial one lacks its deferred pages. */
    static List<PageText> pageTexts(List<ExtractedPage> pages) {
        return pages.stream()
                .filter(page -> !page.deferred())
                .map(page -> new PageText(page.number(), Objects.requireNonNullElse(page.text(), ""), page.ocr()))
                .toList();
    }

    static ObjectStatus statusOf(ExtractedDocument extracted) {
        if (extracted.isMetadataOnly()) {
            return ObjectStatus.METADATA_ONLY;
        }
        return extracted.deferredPages().isEmpty() ? ObjectStatus.INDEXED : ObjectStatus.PARTIAL;
    }

    static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 || dot == fileName.length() - 1
                ? ""
                : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
