package io.docindexer.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Small PDFs and images made on the spot, shaped to hit one rule each. */
final class TestFiles {

    private TestFiles() {}

    /** A PDF with a text layer: one page per string. */
    static Path textPdf(Path file, List<String> pageTexts) throws IOException {
        return Files.write(file, TextPdfs.pages(pageTexts.stream().map(List::of).toList()));
    }

    /** A PDF of {@code pages} pages of the given size, each showing {@code image} across the whole page. */
    static Path scannedPdf(Path file, BufferedImage image, int pages, PDRectangle pageSize) throws IOException {
        try (PDDocument document = new PDDocument()) {
            // One image object shared by every page keeps a many-page file small.
            PDImageXObject scan = LosslessFactory.createFromImage(document, image);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(pageSize);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(scan, 0, 0, pageSize.getWidth(), pageSize.getHeight());
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    static BufferedImage blankImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] white = new int[width * height];
        Arrays.fill(white, 255);
        image.getRaster().setSamples(0, 0, width, height, 0, white);
        return image;
    }

    /**
     * A PNG whose header claims {@code width} x {@code height} pixels and which has no pixel data:
     * harmless unless a reader believes the header and allocates.
     */
    static Path pngHeaderOnly(Path file, int width, int height) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 0, 0, 0, 0});
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        writeChunk(png, "IHDR", header.array());
        writeChunk(png, "IEND", new byte[0]);
        Files.write(file, png.toByteArray());
        return file;
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(typeBytes);
        png.write(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static Path multiPageTiff(Path file, int pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < pages; i++) {
                writer.writeToSequence(new IIOImage(blankImage(100 + i, 50), null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }
}
