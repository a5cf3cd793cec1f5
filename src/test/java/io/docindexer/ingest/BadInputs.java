package io.docindexer.ingest;

import io.docindexer.local.PngChunks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Damaged and hostile files made from good ones, each aimed at one way an upload can be bad. */
final class BadInputs {

    private BadInputs() {}

    /** The first {@code fraction} of the file: an upload cut off part-way. */
    static byte[] truncated(byte[] file, double fraction) {
        return Arrays.copyOf(file, (int) (file.length * fraction));
    }

    /** Every byte after the header inverted, seeded positions aside: nothing PDF-like is left but the header. */
    static byte[] flipped(byte[] file, long seed) {
        byte[] damaged = file.clone();
        Random random = new Random(seed);
        int headerEnd = indexOf(file, "\n".getBytes(StandardCharsets.US_ASCII), 0) + 1;
        for (int i = headerEnd; i < damaged.length; i++) {
            damaged[i] = (byte) (damaged[i] ^ (0x80 | random.nextInt(0x80)));
        }
        return damaged;
    }

    /**
     * The {@code startxref} offset pointed at garbage and every xref entry scrambled: a reader must
     * rebuild the cross-reference table by scanning the objects (PDFBox does, as Acrobat does).
     */
    static byte[] brokenXref(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int startXref = text.lastIndexOf("startxref");
        if (startXref < 0) {
            throw new IllegalArgumentException("not a PDF with a startxref");
        }
        int xref = text.lastIndexOf("\nxref", startXref);
        StringBuilder damaged = new StringBuilder(text);
        if (xref >= 0) {
            for (int i = xref + 6; i < startXref; i++) {
                if (Character.isDigit(damaged.charAt(i))) {
                    damaged.setCharAt(i, '9');
                }
            }
        }
        String tail = "startxref\n999999999\n%%EOF\n";
        damaged.replace(startXref, damaged.length(), tail);
        return damaged.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A PNG of a few hundred bytes whose header claims {@code width x height} 1-bit pixels, with
     * a real (tiny, all-zero) start of image data: decoding it would allocate gigabytes.
     */
    static byte[] pngBomb(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(PngChunks.SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 1)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        PngChunks.write(png, "IHDR", header.array());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[64 * 1024]);
        deflater.finish();
        byte[] compressed = new byte[4096];
        int length = deflater.deflate(compressed, 0, compressed.length, Deflater.SYNC_FLUSH);
        deflater.end();
        PngChunks.write(png, "IDAT", Arrays.copyOf(compressed, length));
        PngChunks.write(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** One page of {@code points x points} with a small image and no text: rendering it for OCR is the bomb. */
    static byte[] hugePagePdf(float points) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(points, points));
            document.addPage(page);
            PDImageXObject image =
                    LosslessFactory.createFromImage(document, new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, points, points);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
