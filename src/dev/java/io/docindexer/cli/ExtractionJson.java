package io.docindexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedPage;
import java.nio.file.Path;

/** The JSON line {@code ./docindexer extract --json} prints for one file. */
final class ExtractionJson {

    private final ObjectMapper json = new ObjectMapper();

    /** @param thumbnail where the file's thumbnail was written, or null when none was asked for or made */
    String line(Path file, ExtractedDocument document, long millis, Path thumbnail) {
        ObjectNode line = json.createObjectNode();
        line.put("file", file.toString());
        line.put("status", statusOf(document).code());
        line.put(
                "reason",
                document.isMetadataOnly() ? document.metadataOnlyReason().code() : null);
        line.put("pages", document.pageCount());
        line.put("ocrPages", document.ocrPageCount());
        line.put("chars", document.text().length());
        line.put("millis", millis);
        line.set("pagesDetail", pagesDetail(document));
        line.put("thumbnail", thumbnail == null ? null : thumbnail.toString());
        line.put("text", document.text());
        return line.toString();
    }

    /** What the ingest function would record for the file. */
    static ObjectStatus statusOf(ExtractedDocument document) {
        return document.isMetadataOnly() ? ObjectStatus.METADATA_ONLY : ObjectStatus.INDEXED;
    }

    private ArrayNode pagesDetail(ExtractedDocument document) {
        ArrayNode pages = json.createArrayNode();
        for (ExtractedPage page : document.pages()) {
            ObjectNode detail = pages.addObject();
            detail.put("number", page.number());
            detail.put("chars", page.text().length());
            detail.put("ocr", page.ocr());
            detail.put("confidence", page.ocrConfidence());
        }
        return pages;
    }
}
