package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.extract.DocumentMetadata;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedEntry;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.MetadataOnlyReason;
import java.nio.file.Path;
import java.time.Instant;
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

        JsonNode line = json.readTree(new ExtractionJson().line(Path.of("contract.pdf"), "ab12", document, 12, null));

        assertThat(line.get("status").asText()).isEqualTo("indexed");
        assertThat(line.get("pages").asInt()).isEqualTo(2);
        assertThat(line.get("ocrPages").asInt()).isEqualTo(1);
        assertThat(line.get("pagesDetail").toString())
                .isEqualTo("[{\"number\":1,\"chars\":7,\"ocr\":false,\"confidence\":null,\"language\":null},"
                        + "{\"number\":2,\"chars\":8,\"ocr\":true,\"confidence\":91.5,\"language\":null}]");
        assertThat(line.get("sha256").asText()).isEqualTo("ab12");
        assertThat(line.get("thumbnail").isNull()).isTrue();
    }

    @Test
    void theFilesOwnMetadataShowsOnlyWhatItHasWithItsLanguages() throws Exception {
        ExtractedDocument document = new ExtractedDocument(
                "application/pdf",
                List.of(new ExtractedPage(1, "業務委託契約書", false, null, "ja")),
                null,
                false,
                null,
                DocumentMetadata.ofPdf(
                        "契約書", null, null, null, "Writer", null, Instant.parse("2026-04-01T00:00:00Z"), null),
                List.of("ja"));

        JsonNode line = json.readTree(new ExtractionJson().line(Path.of("contract.pdf"), "ab12", document, 12, null));

        assertThat(line.get("metadata").toString())
                .isEqualTo("{\"title\":\"契約書\",\"creatorTool\":\"Writer\",\"created\":\"2026-04-01T00:00:00Z\"}");
        assertThat(line.get("languages").toString()).isEqualTo("[\"ja\"]");
        assertThat(line.at("/pagesDetail/0/language").asText()).isEqualTo("ja");
    }

    @Test
    void theThumbnailIsNamedByWhereItWasWritten() throws Exception {
        ExtractedDocument document =
                ExtractedDocument.ofPages("image/png", List.of(ExtractedPage.fromOcr(1, "領収書", 90f)), false);

        JsonNode line = json.readTree(new ExtractionJson()
                .line(Path.of("receipt.png"), "ab12", document, 5, Path.of("thumbs/receipt.png.jpg")));

        assertThat(line.get("thumbnail").asText()).isEqualTo("thumbs/receipt.png.jpg");
    }

    @Test
    void aMetadataOnlyFileSaysWhyAndHasNoPages() throws Exception {
        ExtractedDocument document = ExtractedDocument.metadataOnly("application/pdf", MetadataOnlyReason.ENCRYPTED);

        JsonNode line = json.readTree(new ExtractionJson().line(Path.of("locked.pdf"), "ab12", document, 3, null));

        assertThat(line.get("status").asText()).isEqualTo("metadata-only");
        assertThat(line.get("reason").asText()).isEqualTo(MetadataOnlyReason.ENCRYPTED.code());
        assertThat(line.get("pagesDetail")).isEmpty();
    }

    @Test
    void aContainersEntriesAreListedEachWithItsOutcome() throws Exception {
        ExtractedDocument container = new ExtractedDocument(
                "application/zip",
                List.of(ExtractedPage.fromTextLayer(1, "report.txt\nsecret.txt")),
                null,
                false,
                null,
                null,
                List.of(),
                List.of(
                        new ExtractedEntry(
                                "report.txt",
                                6,
                                ExtractedDocument.ofPages(
                                        "text/plain", List.of(ExtractedPage.fromTextLayer(1, "report")), false)),
                        new ExtractedEntry(
                                "secret.txt", 9, ExtractedDocument.metadataOnly(null, MetadataOnlyReason.ENCRYPTED))));

        JsonNode line = json.readTree(new ExtractionJson().line(Path.of("a.zip"), "ab12", container, 3, null));

        assertThat(line.at("/entries/0/path").asText()).isEqualTo("report.txt");
        assertThat(line.at("/entries/0/status").asText()).isEqualTo("indexed");
        assertThat(line.at("/entries/0/text").asText()).isEqualTo("report");
        assertThat(line.at("/entries/1/status").asText()).isEqualTo("metadata-only");
        assertThat(line.at("/entries/1/reason").asText()).isEqualTo("encrypted");
    }
}
