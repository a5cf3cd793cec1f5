package io.docindexer.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small one-page text PDFs, each with its own text, like the bulk of what the old worker indexed. */
final class BenchDocuments {

    private static final String[] WORDS = {"invoice", "contract", "quarterly", "revenue", "meeting", "agenda",
        "shipment", "warehouse", "customer", "renewal", "budget", "forecast", "audit", "policy", "supplier"};

    private BenchDocuments() {}

    static final String TIMED = "bench/";
    static final String WARM_UP = "warm-up/";

    static String key(String prefix, int number) {
        return String.format("%sdoc-%06d.pdf", prefix, number);
    }

    /** A valid one-page PDF whose text names its number, so no two documents are the same. */
    static byte[] pdf(int number) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(16);
                content.newLineAtOffset(72, 760);
                content.showText("Benchmark document number " + number);
                for (int line = 0; line < 6; line++) {
                    content.newLine();
                    content.showText(line(number, line));
                }
                content.endText();
            }
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static String line(int number, int line) {
        StringBuilder text = new StringBuilder();
        for (int word = 0; word < 8; word++) {
            text.append(WORDS[Math.floorMod(number * 31 + line * 7 + word * 13, WORDS.length)]).append(' ');
        }
        return text.append("ref ").append(number).append('-').append(line).toString();
    }
}
