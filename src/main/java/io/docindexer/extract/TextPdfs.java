package io.docindexer.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes small PDFs with a text layer: SnapStart priming, benchmarks, the chaos run and tests
 * make their documents here. Helvetica is one of the Standard 14 fonts, which need no font file
 * (Lambda has none), so only Latin text can be written.
 */
public final class TextPdfs {

    private TextPdfs() {}

    /** One A4 page with these lines. */
    public static byte[] onePage(String... lines) {
        return pages(List.of(List.of(lines)));
    }

    /** One A4 page per element, each with its lines. */
    public static byte[] pages(List<List<String>> pages) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.setLeading(16);
                    content.newLineAtOffset(72, 760);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            // Nothing here touches a file: only a bug (text Helvetica cannot encode) gets here.
            throw new UncheckedIOException("could not write a text PDF", e);
        }
    }
}
