package io.docindexer.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

/**
 * Images as the 8-bit grey pixels Tesseract's {@code SetImage} takes. Tesseract binarises a
 * grey image itself, so colour adds nothing but three times the memory.
 */
final class GrayImages {

    private GrayImages() {}

    static BufferedImage toGray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = gray.createGraphics();
        try {
            // White first: transparent pixels (PNG, GIF) must become paper, not black ink.
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return gray;
    }

    /** The pixels of a {@link #toGray grey} image, row by row with no padding. */
    static ByteBuffer pixels(BufferedImage gray) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        // Direct, so JNA hands this memory to the native side without another copy.
        ByteBuffer bytes = ByteBuffer.allocateDirect(width * height);
        byte[] row = new byte[width];
        for (int y = 0; y < height; y++) {
            gray.getRaster().getDataElements(0, y, width, 1, row);
            bytes.put(row);
        }
        return bytes.flip();
    }
}
