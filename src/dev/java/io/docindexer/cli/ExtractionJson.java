package io.docindexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.extract.DocumentMetadata;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedEntry;
import io.docindexer.extract.ExtractedPage;
import java.nio.file.Path;

/** The JSON line {@code ./docindexer extract --json} prints for one file. */
final class ExtractionJson {

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * @param sha256 hex SHA-256 of the file, as the function stores it
     * @param thumbnail where the file's thumbnail was written, or null when none was asked for or made
     */
    String line(Path file, String sha256, ExtractedDocument document, long millis, Path thumbnail) {
        ObjectNode line = json.createObjectNode();
        line.put("file", file.toString());
        putOutcome(line, document);
        line.put("millis", millis);
        line.put("sha256", sha256);
        line.set("languages", json.valueToTree(document.languages()));
        line.set("metadata", metadata(document.metadata()));
        line.set("pagesDetail", pagesDetail(document));
        line.put("thumbnail", thumbnail == null ? null : thumbnail.toString());
        line.put("text", document.text());
        line.set("entries", entries(document));
        return line.toString();
    }

    /**
     * A zip's files and an e-mail's attachments, each as the function indexes it: its path inside
     * the container, status, reason, pages, OCR pages, characters and text.
     */
    private ArrayNode entries(ExtractedDocument container) {
        ArrayNode entries = json.createArrayNode();
        for (ExtractedEntry entry : container.entries()) {
            ExtractedDocument document = entry.document();
            ObjectNode line = entries.addObject();
            line.put("path", entry.path());
            line.put("size", entry.size());
            line.put("contentType", document.contentType());
            putOutcome(line, document);
            line.put("text", document.text());
        }
        return entries;
    }

    /** What became of a file or an entry, spelled alike for both: status, reason, pages, OCR pages, characters. */
    private static void putOutcome(ObjectNode line, ExtractedDocument document) {
        line.put("status", statusOf(document).code());
        line.put(
                "reason",
                document.isMetadataOnly() ? document.metadataOnlyReason().code() : null);
        line.put("pages", document.pageCount());
        line.put("ocrPages", document.ocrPageCount());
        line.put("chars", document.text().length());
    }

    /** What the ingest function would record for the file. */
    static ObjectStatus statusOf(ExtractedDocument document) {
        return document.isMetadataOnly() ? ObjectStatus.METADATA_ONLY : ObjectStatus.INDEXED;
    }

    /** Only the fields the file has, as the index stores them. */
    private ObjectNode metadata(DocumentMetadata metadata) {
        ObjectNode fields = json.valueToTree(metadata);
        fields.properties().removeIf(field -> field.getValue().isNull());
        return fields;
    }

    private ArrayNode pagesDetail(ExtractedDocument document) {
        ArrayNode pages = json.createArrayNode();
        for (ExtractedPage page : document.pages()) {
            ObjectNode detail = pages.addObject();
            detail.put("number", page.number());
            detail.put("chars", page.text().length());
            detail.put("ocr", page.ocr());
            detail.put("confidence", page.ocrConfidence());
            detail.put("language", page.language());
        }
        return pages;
    }
}
