package io.docindexer.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.docindexer.extract.TextPdfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The files {@link Priming} extracts, one per extraction path worth having warm in the snapshot:
 * a PDF (PDFBox), a text file, and the formats Tika reads most in an office, made here rather than
 * shipped: Word and Excel as OOXML (Tika's OOXML parser and its decorators), old Excel as OLE2
 * (Tika's Office parser, POI's HSSF), a web page (Tika's HTML parser), and an e-mail (Tika's
 * RFC 822 parser, mime4j) with a zip attached (Commons Compress), whose text file is read as an
 * entry of an entry. Each carries {@code text}.
 */
final class PrimingSamples {

    private PrimingSamples() {}

    /** The samples by object key. */
    static Map<String, byte[]> all(String text) throws IOException {
        return Map.of(
                "priming/sample.pdf", TextPdfs.onePage(text),
                "priming/sample.txt", text.getBytes(UTF_8),
                "priming/sample.docx", docx(text),
                "priming/sample.xlsx", workbook(new XSSFWorkbook(), text),
                "priming/sample.xls", workbook(new HSSFWorkbook(), text),
                "priming/sample.html",
                        ("<html><head><title>" + text + "</title></head><body><p>" + text + "</p></body></html>")
                                .getBytes(UTF_8),
                "priming/sample.eml", mail(text));
    }

    private static byte[] mail(String text) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("sample.txt"));
            out.write(text.getBytes(UTF_8));
        }
        String message = String.join(
                "\r\n",
                "From: priming@example.com",
                "To: priming@example.com",
                "Subject: " + text,
                "Date: Thu, 1 Jan 2026 00:00:00 +0000",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"sample\"",
                "",
                "--sample",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                text,
                "--sample",
                "Content-Type: application/zip",
                "Content-Disposition: attachment; filename=\"sample.zip\"",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString(zip.toByteArray()),
                "--sample--",
                "");
        return message.getBytes(UTF_8);
    }

    private static byte[] docx(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static byte[] workbook(Workbook workbook, String text) throws IOException {
        try (workbook;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            workbook.createSheet("Priming").createRow(0).createCell(0).setCellValue(text);
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }
}
