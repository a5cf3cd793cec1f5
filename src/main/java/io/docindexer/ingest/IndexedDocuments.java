package io.docindexer.ingest;

import io.docindexer.batch.ObjectStatus;
import io.docindexer.cache.ExtractedObject;
import io.docindexer.event.ObjectEvent;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.index.IndexedDocument;
import io.docindexer.index.PageText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
