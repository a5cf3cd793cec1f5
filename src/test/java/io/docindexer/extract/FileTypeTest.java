package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.ocr.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Type detection by Tika's detector: the content first, the name as a hint. */
class FileTypeTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource({
        "office/testWORD.doc, DOCUMENT, application/msword",
        "office/testEXCEL.xlsx, DOCUMENT, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "office/testPPT.ppt, DOCUMENT, application/vnd.ms-powerpoint",
        "office/testWORD_protected_passtika.docx, DOCUMENT, application/x-tika-ooxml-protected",
        "office/testFooter.ods, DOCUMENT, application/vnd.oasis.opendocument.spreadsheet",
        "office/testRTFJapanese.rtf, DOCUMENT, application/rtf",
        "office/testHTML.html, DOCUMENT, text/html",
        "office/testEPUB.epub, DOCUMENT, application/epub+zip",
        "pdf/minimal-document.pdf, PDF, application/pdf",
        "ocr/phototest.tif, IMAGE, image/tiff",
        "images/testWEBP.webp, IMAGE, image/webp",
        "images/testPBM.pbm, IMAGE, image/x-portable-bitmap",
        "images/testPGM.pgm, IMAGE, image/x-portable-graymap",
        "images/testPPM.ppm, IMAGE, image/x-portable-pixmap",
        "images/testHEIF.heic, HEIC, image/heic",
        "mail/report-with-attachments.eml, MAIL, message/rfc822",
        "archive/documents.zip, ARCHIVE, application/zip",
    })
    void recognisesCorpusFiles(String path, FileType.Kind kind, String contentType) throws IOException {
        Path file = Corpus.file(path);

        assertThat(FileType.detect(file, file.getFileName().toString())).isEqualTo(new FileType(kind, contentType));
    }

    @Test
    void aZipNamedPdfIsReadForWhatItIs() throws IOException {
        Path file = Files.copy(Corpus.file("office/testWORD.docx"), folder.resolve("upload"));

        assertThat(FileType.detect(file, "scan.pdf")).isEqualTo(new FileType(FileType.Kind.DOCUMENT, DOCX));
    }

    @Test
    void plainTextNeedsNoExtensionAndKeepsTheTypeItsNameGives() throws IOException {
        Path file = Files.writeString(folder.resolve("f"), "name,amount\nrent,1200\n", StandardCharsets.UTF_8);

        assertThat(FileType.detect(file, "README")).isEqualTo(new FileType(FileType.Kind.TEXT, "text/plain"));
        assertThat(FileType.detect(file, "costs.csv")).isEqualTo(new FileType(FileType.Kind.TEXT, "text/csv"));
    }

    @Test
    void docuWorksFilesAreNamedWhenTheirContentIsNothingElse() throws IOException {
        // Tika knows DocuWorks by extension only: its content is no format Tika recognises.
        Path file = Files.write(folder.resolve("f"), new byte[] {0x58, 0x44, 0x57, 0x46, 0, 1, 2, 3, (byte) 0xFF});

        assertThat(FileType.detect(file, "見積書.xdw").kind()).isEqualTo(FileType.Kind.DOCUWORKS);
        assertThat(FileType.detect(file, "案件.xbd").kind()).isEqualTo(FileType.Kind.DOCUWORKS);
    }

    @Test
    void aPdfNamedLikeDocuWorksIsStillAPdf() throws IOException {
        Path file = TestFiles.textPdf(folder.resolve("f"), List.of("exported from DocuWorks"));

        assertThat(FileType.detect(file, "見積書.xdw").kind()).isEqualTo(FileType.Kind.PDF);
    }

    @Test
    void aPlainZipIsAnArchiveWhateverItsName() throws IOException {
        Path file = Files.write(folder.resolve("f"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});

        assertThat(FileType.detect(file, "photos.zip"))
                .isEqualTo(new FileType(FileType.Kind.ARCHIVE, "application/zip"));
        assertThat(FileType.detect(file, "photos.dat").kind()).isEqualTo(FileType.Kind.ARCHIVE);
    }

    @Test
    void anEmailIsMailWithoutItsExtension() throws IOException {
        Path file = Files.copy(Corpus.file("mail/report-with-attachments.eml"), folder.resolve("upload"));

        assertThat(FileType.detect(file, "message").kind()).isEqualTo(FileType.Kind.MAIL);
    }
}
