package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.ocr.Corpus;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A PDF's own metadata against what {@code pdfinfo -isodates} reported (corpus/pdfinfo.json). */
class PdfMetadataTest {

    private static final DateTimeFormatter PDFINFO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssX");

    static Stream<Map.Entry<String, JsonNode>> pdfinfoOfEachReadablePdf() throws Exception {
        JsonNode pdfinfo =
                new ObjectMapper().readTree(Corpus.file("pdfinfo.json").toFile());
        return pdfinfo.properties().stream()
                .filter(entry -> !entry.getValue().has("pdfinfo"))
                .filter(entry -> !entry.getKey().equals("pdf/minimal-document-with-xmp.pdf"));
    }

    @ParameterizedTest
    @MethodSource("pdfinfoOfEachReadablePdf")
    void eachFieldIsWhatPdfinfoReportsAndNothingElse(Map.Entry<String, JsonNode> pdf) throws IOException {
        DocumentMetadata metadata = metadataOf(pdf.getKey());
        JsonNode expected = pdf.getValue();

        assertThat(metadata.title()).isEqualTo(text(expected, "Title"));
        assertThat(metadata.author()).isEqualTo(text(expected, "Author"));
        assertThat(metadata.subject()).isEqualTo(text(expected, "Subject"));
        assertThat(metadata.keywords()).isEqualTo(text(expected, "Keywords"));
        assertThat(metadata.creatorTool()).isEqualTo(text(expected, "Creator"));
        assertThat(metadata.producer()).isEqualTo(text(expected, "Producer"));
        assertThat(metadata.created()).isEqualTo(date(expected, "CreationDate"));
        assertThat(metadata.modified()).isEqualTo(date(expected, "ModDate"));
    }

    @Test
    void theXmpPacketFillsWhatTheInfoDictionaryLacksAndTheDictionaryWinsWhereBothHaveAValue() throws IOException {
        DocumentMetadata metadata = metadataOf("pdf/minimal-document-with-xmp.pdf");

        assertThat(metadata.title()).isEqualTo("業務委託契約書（ひな形）");
        assertThat(metadata.author()).isEqualTo("山田 太郎");
        assertThat(metadata.subject()).isEqualTo("保守契約");
        assertThat(metadata.keywords()).isEqualTo("契約, 保守");
        assertThat(metadata.creatorTool())
                .as("Info /Creator over xmp:CreatorTool")
                .isEqualTo("TeX");
        assertThat(metadata.created()).isEqualTo(Instant.parse("2022-04-03T16:05:42Z"));
    }

    @Test
    void theExtractorRecordsThemWithTheTextAndAPdfEncryptedWithAnUnknownPasswordHasNone() throws IOException {
        try (DocumentExtractor extractor =
                new DocumentExtractor(ExtractionLimits.defaults(), new FakeOcrEngine("text", 1))) {
            assertThat(extractor
                            .extract(Corpus.file("pdf/multicolumn.pdf"), "multicolumn.pdf")
                            .metadata()
                            .producer())
                    .isEqualTo("pdfTeX-1.40.21");
            assertThat(extractor
                            .extract(Corpus.file("pdf/libreoffice-writer-password.pdf"), "locked.pdf")
                            .metadata())
                    .isEqualTo(DocumentMetadata.NONE);
        }
    }

    private static DocumentMetadata metadataOf(String corpusFile) throws IOException {
        try (PDDocument document = Loader.loadPDF(Corpus.file(corpusFile).toFile())) {
            return PdfMetadata.read(document);
        }
    }

    /** pdfinfo prints a C string's trailing NUL as it is; the index gets the title without it. */
    private static String text(JsonNode pdfinfo, String field) {
        return pdfinfo.has(field) ? pdfinfo.get(field).asText().replace("\u0000", "") : null;
    }

    private static Instant date(JsonNode pdfinfo, String field) {
        return pdfinfo.has(field)
                ? OffsetDateTime.parse(pdfinfo.get(field).asText(), PDFINFO_DATE)
                        .toInstant()
                : null;
    }
}
