package io.docindexer.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes a scanned-looking PDF: A4 pages that are nothing but a 300 dpi black-and-white image of
 * printed text (a page of body text, like an office scan), no text layer. A few distinct page
 * images are shared by all pages, which keeps a 300-page file small and quick to make; each
 * page is still rendered and recognised on its own.
 */
final class ScannedPdf {

    private static final int DPI = 300;
    private static final int DISTINCT_PAGES = 4;
    private static final int MARGIN = DPI;
    private static final String TEXT = """
            The committee met on Tuesday to review the quarterly figures and the plan for the new \
            warehouse. Sales rose by eleven percent against the same quarter of last year, mainly in \
            the northern region, while costs for transport and energy stayed close to the budget. \
            The board asked for a second estimate of the building costs before the end of the month \
            and agreed that the current supplier contracts will be renewed for another two years. \
            Questions about the schedule should be sent to the project office, which will publish \
            the minutes of this meeting together with the revised timetable next week.""";

    private ScannedPdf() {}

    static Path write(Path file, int pages) throws IOException {
        return Files.write(file, bytes(pages));
    }

    static byte[] bytes(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            List<PDImageXObject> scans = new ArrayList<>();
            for (int i = 0; i < DISTINCT_PAGES; i++) {
                scans.add(LosslessFactory.createFromImage(document, pageImage(i + 1)));
            }
            PDRectangle a4 = PDRectangle.A4;
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(scans.get(i % DISTINCT_PAGES), 0, 0, a4.getWidth(), a4.getHeight());
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        }
    }

    /** One A4 page at 300 dpi, bilevel as scanners store text: about 40 lines of 11 pt serif. */
    private static BufferedImage pageImage(int variant) {
        int width = Math.round(PDRectangle.A4.getWidth() / 72 * DPI);
        int height = Math.round(PDRectangle.A4.getHeight() / 72 * DPI);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(Color.BLACK);
            graphics.setFont(new Font(Font.SERIF, Font.PLAIN, 11 * DPI / 72));
            FontMetrics metrics = graphics.getFontMetrics();
            int y = MARGIN;
            String text = "Report " + variant + ". " + TEXT + " " + TEXT + " " + TEXT;
            for (String line : lines(text, metrics, width - 2 * MARGIN)) {
                graphics.drawString(line, MARGIN, y);
                y += metrics.getHeight();
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static List<String> lines(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && metrics.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
