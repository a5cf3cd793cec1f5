package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.MetadataOnlyReason;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachPageIsDescribedWithItsNumberLengthAndHowItWasRead() throws Exception {
        ExtractedDocument document = ExtractedDocument.ofPages(
                "application/pdf",
                List.of(ExtractedPage.fromTextLayer(1, "業務委託契約書"), ExtractedPage.fromOcr(2, "第3条 秘密保持", 91.5f)),
                false);

        JsonNode line = json.readTree(new ExtractionJson().line(Path.of("contract.pdf"), document, 12, null));

        assertThat(line.get("status").asText()).isEqualTo("indexed");
        assertThat(line.get("pages").asInt()).isEqualTo(2);
        assertThat(line.get("ocrPages").asInt()).isEqualTo(1);
        assertThat(line.get("pagesDetail").toString())
                .isEqualTo("[{\"number\":1,\"chars\":7,\"ocr\":false,\"confidence\":null},"
                        + "{\"number\":2,\"chars\":8,\"ocr\":true,\"confidence\":91.5}]");
        assertThat(line.get("thumbnail").isNull()).isTrue();
    }

    @Test
    void theThumbnailIsNamedByWhereItWasWritten() throws Exception {
        ExtractedDocument document =
                ExtractedDocument.ofPages("image/png", List.of(ExtractedPage.fromOcr(1, "領収書", 90f)), false);

        JsonNode line = json.readTree(
                new ExtractionJson().line(Path.of("receipt.png"), document, 5, Path.of("thumbs/receipt.png.jpg")));

        assertThat(line.get("thumbnail").asText()).isEqualTo("thumbs/receipt.png.jpg");
    }

    @Test
    void aMetadataOnlyFileSaysWhyAndHasNoPages() throws Exception {
        ExtractedDocument document = ExtractedDocument.metadataOnly("application/pdf", MetadataOnlyReason.ENCRYPTED);

        JsonNode line = json.readTree(new ExtractionJson().line(Path.of("locked.pdf"), document, 3, null));

        assertThat(line.get("status").asText()).isEqualTo("metadata-only");
        assertThat(line.get("reason").asText()).isEqualTo(MetadataOnlyReason.ENCRYPTED.code());
        assertThat(line.get("pagesDetail")).isEmpty();
    }
}
