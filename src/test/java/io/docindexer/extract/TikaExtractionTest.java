package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docindexer.ocr.Corpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Office, OpenDocument, RTF, HTML, XML and EPUB through Tika, by way of the extractor's dispatch. */
class TikaExtractionTest {

    private static final ExtractionLimits LIMITS = new ExtractionLimits(10_000_000, 5, 40_000_000, 1_000_000);

    @TempDir
    Path folder;

    private final DocumentExtractor extractor = new DocumentExtractor(LIMITS, new FakeOcrEngine("never asked", 1));

    @AfterEach
    void close() {
        extractor.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            testWORD.doc                | application/msword | Sample Word Document
            testWORD.docx               | application/vnd.openxmlformats-officedocument.wordprocessingml.document | This document includes text that is BOLD and ITALIC.
            testWORD6.doc               | application/msword | The quick brown fox jumps over the lazy dog
            testOpenOffice2.odt         | application/vnd.oasis.opendocument.text | This is a sample Open Office document
            testFooter.ods              | application/vnd.oasis.opendocument.spreadsheet | Here is a footer in the center area
            testMasterFooter.odp        | application/vnd.oasis.opendocument.presentation | Master footer is here
            testEPUB.epub               | application/epub+zip | This is the text for chapter One
            testRTF-ms932.rtf           | application/rtf | こんにちは
            japanese-minutes.docx       | application/vnd.openxmlformats-officedocument.wordprocessingml.document | 次回は東京本社の会議室で開催する。
            """)
    void readsTheTextOfEachFormat(String name, String contentType, String phrase) throws IOException {
        ExtractedDocument document = extract(name);

        assertThat(document.isMetadataOnly()).isFalse();
        assertThat(document.contentType()).isEqualTo(contentType);
        assertThat(document.text()).contains(phrase);
        assertThat(document.ocrPageCount()).isZero();
    }

    @Test
    void eachSheetIsAPageThatStartsWithTheSheetsName() throws IOException {
        ExtractedDocument document = extract("japanese-invoice.xlsx");

        assertThat(document.pages()).extracting(ExtractedPage::number).containsExactly(1, 2);
        assertThat(document.pages().get(0).text()).startsWith("請求書\n").contains("複合機保守料\t12000");
        assertThat(document.pages().get(1).text()).isEqualTo("備考\nお支払いは月末までにお願いいたします。");
        assertThat(document.languages()).containsExactly("ja");
    }

    @Test
    void eachSheetOfAnOpenDocumentSpreadsheetIsAPageThoughTikaNamesNone() throws IOException {
        // Three sheets: the first holds a 2x2 table, the other two are empty; the page footer
        // Tika writes after the sheets stays on the last one.
        ExtractedDocument document = extract("testFooter.ods");

        assertThat(document.pages()).extracting(ExtractedPage::number).containsExactly(1, 2, 3);
        assertThat(document.pages().get(0).text()).isEqualTo("Data 1\tData 2\nData 3\tData 4");
        assertThat(document.pages().get(1).text()).isEmpty();
        assertThat(document.pages().get(2).text()).contains("Here is a footer in the center area");
    }

    @Test
    void eachSlideIsAPageInOldAndNewPowerPoint() throws IOException {
        for (String name : new String[] {"japanese-slides.ppt", "japanese-slides.pptx"}) {
            ExtractedDocument document = extract(name);

            assertThat(document.pages())
                    .extracting(ExtractedPage::text)
                    .as(name)
                    .containsExactly("新製品のご案内\n文書検索サービス", "導入の効果\n書類を探す時間が半分になります。");
        }
    }

    @Test
    void shiftJisPropertiesOfAnOldExcelFileComeOutAsJapanese() throws IOException {
        ExtractedDocument document = extract("japanese-invoice.xls");

        assertThat(document.metadata().title()).isEqualTo("御見積書");
        assertThat(document.metadata().author()).isEqualTo("山田太郎");
        assertThat(document.pages().get(0).text()).startsWith("請求書\n株式会社ドキュメント管理 御中");
    }

    @Test
    void anOfficeFilesPropertiesBecomeItsMetadata() throws IOException {
        DocumentMetadata metadata = extract("testWORD6.doc").metadata();

        assertThat(metadata.title()).isEqualTo("The quick brown fox jumps over the lazy dog");
        assertThat(metadata.author()).isEqualTo("Nevin Nollop");
        assertThat(metadata.subject()).isEqualTo("Gym class featuring a brown fox and lazy dog");
        assertThat(metadata.created()).hasToString("2005-05-26T12:57:00Z");
    }

    @Test
    void aWebPageLosesItsMarkupButKeepsItsTitle() throws IOException {
        ExtractedDocument document = extract("testHTML.html");

        assertThat(document.text()).startsWith("Title : Test Indexation Html\n").doesNotContain("<", "href");
        assertThat(document.metadata().title()).isEqualTo("Title : Test Indexation Html");
    }

    @Test
    void aShiftJisWebPageWithoutACharsetDeclarationComesOutAsJapanese() throws IOException {
        String page = "<html><head><title>請求書一覧</title></head><body><p>株式会社ドキュメント管理の請求書です。"
                + "お支払いは月末までにお願いいたします。東京都千代田区丸の内一丁目。</p></body></html>";
        Path file = Files.write(folder.resolve("invoices.html"), page.getBytes(Charset.forName("windows-31j")));

        ExtractedDocument document = extractor.extract(file, "invoices.html");

        assertThat(document.text()).isEqualTo("請求書一覧\n株式会社ドキュメント管理の請求書です。お支払いは月末までにお願いいたします。東京都千代田区丸の内一丁目。");
    }

    @Test
    void anOfficeFilesTitlePropertyIsMetadataNotText() throws IOException {
        ExtractedDocument document = extract("japanese-minutes.docx");

        assertThat(document.metadata().title()).isEqualTo("議事録");
        assertThat(document.text()).startsWith("第三回 企画会議 議事録");
    }

    @Test
    void xmlIsReadWithoutMarkupAndNeverResolvesAnExternalEntity() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "do-not-index-me");
        Path xml = Files.writeString(
                folder.resolve("order.xml"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE order [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
                        + "<order><item>Toner cartridge</item><note>&leak;</note></order>\n");

        ExtractedDocument document = extractor.extract(xml, "order.xml");

        assertThat(document.contentType()).isEqualTo("application/xml");
        assertThat(document.text()).contains("Toner cartridge").doesNotContain("do-not-index-me", "<item>");
    }

    @Test
    void theContentDecidesNotTheExtension() throws IOException {
        Path file = Files.copy(Corpus.file("office/testWORD.docx"), folder.resolve("x"));

        ExtractedDocument document = extractor.extract(file, "report.pdf");

        assertThat(document.contentType()).isEqualTo(FileTypeTest.DOCX);
        assertThat(document.text()).contains("Sample Word Document");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "testWORD_protected_passtika.docx, ENCRYPTED",
        "testEXCEL_protected_passtika.xls, ENCRYPTED",
        "testODTEncrypted.odt, ENCRYPTED",
        "testWORD_truncated.docx, CORRUPT",
    })
    void badFilesGetANamedOutcome(String name, MetadataOnlyReason reason) throws IOException {
        assertThat(extract(name).metadataOnlyReason()).isEqualTo(reason);
    }

    @Test
    void aCutOffZipIsCorrupt() throws IOException {
        byte[] whole = Files.readAllBytes(Corpus.file("office/japanese-invoice.xlsx"));
        Path cut = Files.write(folder.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        assertThat(extractor.extract(cut, "cut.xlsx").metadataOnlyReason()).isEqualTo(MetadataOnlyReason.CORRUPT);
    }

    @Test
    void macrosAreNeitherRunNorIndexed() throws IOException {
        ExtractedDocument document = extract("testODTMacro.odt");

        assertThat(document.text()).isEqualTo("Hello dear user,\nClick the smiley\nJust one little click…\n- hacker");
    }

    @Test
    void moreSheetsThanMaxPagesAreRefused() throws IOException {
        Path file = folder.resolve("many.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            for (int i = 1; i <= LIMITS.maxPages() + 1; i++) {
                workbook.createSheet("Sheet " + i).createRow(0).createCell(0).setCellValue("value " + i);
            }
            workbook.write(out);
        }

        assertThat(extractor.extract(file, "many.xlsx").metadataOnlyReason())
                .isEqualTo(MetadataOnlyReason.TOO_MANY_PAGES);
    }

    @Test
    void textBeyondMaxCharsIsCutAndTheDocumentMarkedTruncated() throws IOException {
        try (DocumentExtractor small =
                new DocumentExtractor(new ExtractionLimits(10_000_000, 5, 40_000_000, 100), new FakeOcrEngine("", 1))) {
            ExtractedDocument document = small.extract(Corpus.file("office/testWORD.docx"), "testWORD.docx");

            assertThat(document.truncated()).isTrue();
            assertThat(document.text()).hasSizeLessThanOrEqualTo(100).startsWith("This is the header");
        }
    }

    @Test
    void noParseStartsWithoutTimeForIt() {
        ExtractionProgress outOfTime = new ExtractionProgress() {
            @Override
            public Optional<ExtractedPage> earlierPage(int number) {
                return Optional.empty();
            }

            @Override
            public boolean outOfTime() {
                return true;
            }
        };

        assertThatThrownBy(() -> extractor.extract(Corpus.file("office/testWORD.docx"), "testWORD.docx", outOfTime))
                .isInstanceOf(ExtractionPausedException.class);
    }

    private ExtractedDocument extract(String name) throws IOException {
        return extractor.extract(Corpus.file("office/" + name), name);
    }
}
