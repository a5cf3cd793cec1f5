package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.ocr.CharacterErrorRate;
import io.docindexer.ocr.Corpus;
import io.docindexer.ocr.TesseractOcrEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every file of the test corpus against its expected.json. Needs the Tesseract layer. */
class CorpusExtractionTest {

    private static TesseractOcrEngine ocr;
    private static DocumentExtractor extractor;

    @BeforeAll
    static void start() {
        ocr = TesseractOcrEngine.fromEnvironment(TesseractOcrEngine.DEFAULT_LANGUAGES);
        extractor = new DocumentExtractor(ExtractionLimits.defaults(), ocr);
    }

    @AfterAll
    static void stop() {
        extractor.close();
        ocr.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileComesOutAsExpected() throws IOException {
        JsonNode files = new ObjectMapper()
                .readTree(Corpus.file("expected.json").toFile())
                .get("files");
        List<DynamicTest> tests = new ArrayList<>();
        files.forEach(expected ->
                tests.add(DynamicTest.dynamicTest(expected.get("path").asText(), () -> check(expected))));
        return tests.stream();
    }

    private static void check(JsonNode expected) throws IOException {
        Path file = Corpus.file(expected.get("path").asText());

        ExtractedDocument document = extractor.extract(file, file.getFileName().toString());

        boolean indexed = expected.get("outcome").asText().equals("indexed");
        assertThat(document.isMetadataOnly()).as("metadata-only").isEqualTo(!indexed);
        if (expected.hasNonNull("reason")) {
            assertThat(document.metadataOnlyReason().code())
                    .isEqualTo(expected.get("reason").asText());
        }
        if (expected.hasNonNull("pages")) {
            assertThat(document.pageCount())
                    .as("pages")
                    .isEqualTo(expected.get("pages").asInt());
        }
        if (expected.hasNonNull("ocrPages")) {
            assertThat(document.ocrPageCount())
                    .as("OCR pages")
                    .isEqualTo(expected.get("ocrPages").asInt());
        } else if (expected.path("ocr").asBoolean(false)) {
            assertThat(document.ocrPageCount()).as("OCR pages").isEqualTo(document.pageCount());
        } else if (indexed) {
            assertThat(document.ocrPageCount()).as("OCR pages").isZero();
        }
        String text = CharacterErrorRate.collapseWhitespace(document.text());
        expected.get("contains").forEach(phrase -> assertThat(text).contains(phrase.asText()));
        expected.path("pageContains").properties().forEach(page -> {
            String pageText = CharacterErrorRate.collapseWhitespace(
                    document.pages().get(Integer.parseInt(page.getKey()) - 1).text());
            page.getValue()
                    .forEach(phrase ->
                            assertThat(pageText).as("page " + page.getKey()).contains(phrase.asText()));
        });
        checkEntries(expected, document);
        assertThat(document.truncated()).isFalse();
    }

    /** A container's entries: each one's phrases ({@code entries}) or reason ({@code entryReasons}). */
    private static void checkEntries(JsonNode expected, ExtractedDocument document) {
        Map<String, ExtractedDocument> entries = new HashMap<>();
        document.entries().forEach(entry -> entries.put(entry.path(), entry.document()));
        expected.path("entries").properties().forEach(entry -> {
            assertThat(entries).as("entries").containsKey(entry.getKey());
            String entryText = CharacterErrorRate.collapseWhitespace(
                    entries.get(entry.getKey()).text());
            entry.getValue()
                    .forEach(phrase -> assertThat(entryText).as(entry.getKey()).contains(phrase.asText()));
        });
        expected.path("entryReasons")
                .properties()
                .forEach(entry -> assertThat(
                                entries.get(entry.getKey()).metadataOnlyReason().code())
                        .as(entry.getKey())
                        .isEqualTo(entry.getValue().asText()));
    }

    /** Thresholds sit just above what eng+jpn with the layer's best_int models reads today. */
    @ParameterizedTest(name = "{0} within {2} CER")
    @CsvSource({
        "ocr/phototest.tif, ocr/phototest.gold.txt, 0.01",
        "pdf/phototest-scanned.pdf, ocr/phototest.gold.txt, 0.01",
        "ocr/eurotext.tif, ocr/eurotext.txt, 0.03",
        "ocr/phototest-rotated-180.png, ocr/phototest.gold.txt, 0.02",
        "ocr/phototest.pbm, ocr/phototest.gold.txt, 0.01",
        // A dense UNLV magazine page: 0.094 today, mostly reading order and punctuation.
        "ocr/8071_093.3B.tif, ocr/8071_093.3B.txt, 0.12",
    })
    void scansAreReadCloseToTheirGroundTruth(String scan, String groundTruth, double maxErrorRate) throws IOException {
        Path file = Corpus.file(scan);

        ExtractedDocument document = extractor.extract(file, file.getFileName().toString());

        double errorRate = CharacterErrorRate.of(document.text(), Corpus.text(groundTruth));
        System.out.printf("CER %s: %.4f%n", scan, errorRate);
        assertThat(errorRate).isLessThanOrEqualTo(maxErrorRate);
    }
}
