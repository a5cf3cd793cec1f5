package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.ocr.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E-mail and zip archives: the container's own text and metadata, each entry read by the usual rules, and the limits. */
class ContainerExtractionTest {

    private static final ExtractionLimits LIMITS = new ExtractionLimits(10_000_000, 20, 40_000_000, 1_000_000);

    @TempDir
    Path folder;

    private final DocumentExtractor extractor = new DocumentExtractor(LIMITS, new FakeOcrEngine("scanned words", 1));

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void anEmailIsItsBodyWithItsHeadersAsMetadataAndEachAttachmentAnEntry() throws IOException {
        ExtractedDocument mail =
                extractor.extract(Corpus.file("mail/report-with-attachments.eml"), "report-with-attachments.eml");

        assertThat(mail.isMetadataOnly()).isFalse();
        assertThat(mail.contentType()).isEqualTo("message/rfc822");
        assertThat(mail.text()).contains("四半期報告書と議事録を添付いたします。", "The quarterly figures are attached");
        assertThat(mail.metadata().title()).isEqualTo("四半期報告の送付 / Quarterly report");
        assertThat(mail.metadata().subject()).isEqualTo("四半期報告の送付 / Quarterly report");
        assertThat(mail.metadata().author()).contains("taro.yamada@example.co.jp");
        assertThat(mail.metadata().to()).contains("hanako.suzuki@example.com", "sales@example.com");
        assertThat(mail.metadata().created()).isEqualTo(Instant.parse("2026-11-20T00:15:00Z"));

        Map<String, ExtractedDocument> entries = byPath(mail);
        assertThat(entries).containsOnlyKeys("report.pdf", "議事録.docx", "memo-ja.txt");
        assertThat(entries.get("report.pdf").contentType()).isEqualTo("application/pdf");
        assertThat(entries.get("report.pdf").text()).contains("Lorem ipsum dolor sit amet");
        assertThat(entries.get("議事録.docx").text()).contains("次回は東京本社の会議室で開催する。");
        assertThat(entries.get("memo-ja.txt").text()).contains("倉庫の在庫確認は金曜日までに完了します。");
        assertThat(entries.get("memo-ja.txt").languages()).containsExactly("ja");
    }

    @Test
    void aZipListsItsEntriesAndEachEntryNestedOnesIncludedIsReadByTheUsualRules() throws IOException {
        ExtractedDocument zip = extractor.extract(Corpus.file("archive/documents.zip"), "documents.zip");

        assertThat(zip.isMetadataOnly()).isFalse();
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.text()).contains("report.pdf", "notes/memo-ja.txt", "nested/inner.zip");
        Map<String, ExtractedDocument> entries = byPath(zip);
        assertThat(entries)
                .containsOnlyKeys(
                        "report.pdf",
                        "notes/memo-ja.txt",
                        "notes/minutes.docx",
                        "nested/inner.zip",
                        "nested/inner.zip!/inner-note.txt");
        assertThat(entries.get("report.pdf").text()).contains("Lorem ipsum dolor sit amet");
        assertThat(entries.get("notes/minutes.docx").text()).contains("第三回 企画会議 議事録");
        assertThat(entries.get("nested/inner.zip").text()).isEqualTo("inner-note.txt");
        assertThat(entries.get("nested/inner.zip!/inner-note.txt").text()).contains("turquoise lighthouse");
        assertThat(zip.entries())
                .allSatisfy(entry -> assertThat(entry.document().entries()).isEmpty());
    }

    @Test
    void aScannedAttachmentGoesThroughOcr() throws IOException {
        Path scan = TestFiles.scannedPdf(
                folder.resolve("scan.pdf"),
                new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                1,
                org.apache.pdfbox.pdmodel.common.PDRectangle.A6);
        Path zip = zip("scans.zip", Map.of("scan.pdf", Files.readAllBytes(scan)));

        ExtractedEntry entry = extractor.extract(zip, "scans.zip").entries().get(0);

        assertThat(entry.document().ocrPageCount()).isEqualTo(1);
        assertThat(entry.document().text()).contains("scanned words");
    }

    @Test
    void anEncryptedEntryIsRecordedEncryptedAndTheOthersAreStillRead() throws IOException {
        ExtractedDocument zip =
                extractor.extract(Corpus.file("archive/with-encrypted-entry.zip"), "with-encrypted-entry.zip");

        assertThat(zip.isMetadataOnly()).isFalse();
        Map<String, ExtractedDocument> entries = byPath(zip);
        assertThat(entries.get("secret.txt").metadataOnlyReason()).isEqualTo(MetadataOnlyReason.ENCRYPTED);
        assertThat(entries.get("readable.txt").text()).contains("amber comet");
    }

    @Test
    void aZipBombIsRecordedTooLargeWithNoEntries() throws IOException {
        // 64 MiB of zeros deflate to about 64 KB; the limit is 8 MiB for the whole tree.
        ExtractionLimits small = LIMITS.withArchives(new ArchiveLimits(1000, 8L << 20, 3));
        Path bomb = zip("bomb.zip", Map.of("zeros.bin", new byte[64 << 20]));
        assertThat(Files.size(bomb)).isLessThan(200_000);

        ExtractedDocument document = extractWith(small, bomb, "bomb.zip");

        assertThat(document.metadataOnlyReason()).isEqualTo(MetadataOnlyReason.ARCHIVE_TOO_LARGE);
        assertThat(document.entries()).isEmpty();
        assertThat(document.contentType()).isEqualTo("application/zip");
    }

    @Test
    void aBombHiddenInsideANestedZipRefusesTheUploadedFile() throws IOException {
        ExtractionLimits small = LIMITS.withArchives(new ArchiveLimits(1000, 8L << 20, 3));
        byte[] bomb = Files.readAllBytes(zip("bomb.zip", Map.of("zeros.bin", new byte[16 << 20])));
        Path outer = zip("outer.zip", Map.of("fine.txt", "fine".getBytes(StandardCharsets.UTF_8), "bomb.zip", bomb));

        ExtractedDocument document = extractWith(small, outer, "outer.zip");

        assertThat(document.metadataOnlyReason()).isEqualTo(MetadataOnlyReason.ARCHIVE_TOO_LARGE);
        assertThat(document.entries()).isEmpty();
    }

    @Test
    void tooManyEntriesAreRecordedWithTheirReason() throws IOException {
        ExtractionLimits small = LIMITS.withArchives(new ArchiveLimits(10, 1L << 30, 3));
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (int i = 0; i < 11; i++) {
            files.put("file-" + i + ".txt", ("file " + i).getBytes(StandardCharsets.UTF_8));
        }

        ExtractedDocument document = extractWith(small, zip("many.zip", files), "many.zip");

        assertThat(document.metadataOnlyReason()).isEqualTo(MetadataOnlyReason.ARCHIVE_TOO_MANY_ENTRIES);
        assertThat(document.entries()).isEmpty();
    }

    @Test
    void aZipsFoldersCountAsEntries() throws IOException {
        ExtractionLimits small = LIMITS.withArchives(new ArchiveLimits(3, 1L << 30, 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("a/"));
            out.putNextEntry(new ZipEntry("a/b/"));
            out.putNextEntry(new ZipEntry("a/b/one.txt"));
            out.write(bytes("one"));
            out.putNextEntry(new ZipEntry("a/b/two.txt"));
            out.write(bytes("two"));
        }
        Path zip = Files.write(folder.resolve("folders.zip"), bytes.toByteArray());

        assertThat(extractWith(small, zip, "folders.zip").metadataOnlyReason())
                .isEqualTo(MetadataOnlyReason.ARCHIVE_TOO_MANY_ENTRIES);
    }

    @Test
    void entriesOfNestedZipsCountTowardsTheSameLimit() throws IOException {
        ExtractionLimits small = LIMITS.withArchives(new ArchiveLimits(4, 1L << 30, 3));
        byte[] inner = Files.readAllBytes(zip("inner.zip", Map.of("1.txt", bytes("1"), "2.txt", bytes("2"))));
        Path outer = zip("outer.zip", Map.of("a.txt", bytes("a"), "b.txt", bytes("b"), "inner.zip", inner));

        assertThat(extractWith(small, outer, "outer.zip").metadataOnlyReason())
                .isEqualTo(MetadataOnlyReason.ARCHIVE_TOO_MANY_ENTRIES);
    }

    @Test
    void twoAttachmentsWithOneNameAreTwoEntries() throws IOException {
        String mail = """
                From: a@example.com
                To: b@example.com
                Subject: two notes
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                See the notes.
                --b
                Content-Type: text/plain
                Content-Disposition: attachment; filename="note.txt"

                first note
                --b
                Content-Type: text/plain
                Content-Disposition: attachment; filename="note.txt"

                second note
                --b--
                """.replace("\n", "\r\n");
        Path file = Files.writeString(folder.resolve("notes.eml"), mail, StandardCharsets.US_ASCII);

        Map<String, ExtractedDocument> entries = byPath(extractor.extract(file, "notes.eml"));

        assertThat(entries).containsOnlyKeys("note.txt", "note (2).txt");
        assertThat(entries.get("note (2).txt").text()).contains("second note");
    }

    @Test
    void aContainerDeeperThanTheLimitIsRecordedTooDeepAndWhatIsAboveItIsRead() throws IOException {
        ExtractionLimits twoDeep = LIMITS.withArchives(new ArchiveLimits(1000, 1L << 30, 2));
        byte[] level3 = Files.readAllBytes(zip("3.zip", Map.of("deepest.txt", bytes("deepest"))));
        byte[] level2 = Files.readAllBytes(zip("2.zip", Map.of("3.zip", level3, "second.txt", bytes("second"))));
        Path level1 = zip("1.zip", Map.of("2.zip", level2));

        ExtractedDocument document = extractWith(twoDeep, level1, "1.zip");

        assertThat(document.isMetadataOnly()).isFalse();
        Map<String, ExtractedDocument> entries = byPath(document);
        assertThat(entries).containsOnlyKeys("2.zip", "2.zip!/second.txt", "2.zip!/3.zip");
        assertThat(entries.get("2.zip!/second.txt").text()).contains("second");
        assertThat(entries.get("2.zip!/3.zip").metadataOnlyReason()).isEqualTo(MetadataOnlyReason.ARCHIVE_TOO_DEEP);
    }

    @Test
    void entryNamesWrittenInShiftJisWithoutTheUtf8FlagComeOutAsJapanese() throws IOException {
        // As Windows' own zip folders and Japanese archivers write them.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            out.setEncoding("windows-31j");
            out.setUseLanguageEncodingFlag(false);
            out.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            out.putArchiveEntry(new ZipArchiveEntry("請求書/二月分.txt"));
            out.write(bytes("二月分の請求書です。"));
            out.closeArchiveEntry();
            out.putArchiveEntry(new ZipArchiveEntry("readme.txt"));
            out.write(bytes("plain ASCII name"));
            out.closeArchiveEntry();
        }
        Path zip = Files.write(folder.resolve("sjis.zip"), bytes.toByteArray());

        ExtractedDocument document = extractor.extract(zip, "sjis.zip");

        assertThat(byPath(document)).containsOnlyKeys("請求書/二月分.txt", "readme.txt");
        assertThat(document.text()).contains("請求書/二月分.txt");
    }

    @Test
    void aBrokenZipIsCorrupt() throws IOException {
        byte[] whole = Files.readAllBytes(Corpus.file("archive/documents.zip"));
        Path cut = Files.write(folder.resolve("cut.zip"), java.util.Arrays.copyOf(whole, whole.length / 3));

        ExtractedDocument document = extractor.extract(cut, "cut.zip");

        assertThat(document.isMetadataOnly()).isTrue();
        assertThat(document.entries()).isEmpty();
    }

    private ExtractedDocument extractWith(ExtractionLimits limits, Path file, String name) throws IOException {
        try (DocumentExtractor limited = new DocumentExtractor(limits, new FakeOcrEngine("", 1))) {
            return limited.extract(file, name);
        }
    }

    private Path zip(String name, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(files).entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return Files.write(folder.resolve(name), bytes.toByteArray());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, ExtractedDocument> byPath(ExtractedDocument container) {
        return container.entries().stream()
                .collect(Collectors.toMap(ExtractedEntry::path, ExtractedEntry::document, (a, b) -> a));
    }
}
