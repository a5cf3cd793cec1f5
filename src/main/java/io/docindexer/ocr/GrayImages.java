package io.docindexer.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

/**
 * Images as the 8-bit grey pixels Tesseract's {@code SetImage} takes. Tesseract binarises a
 * grey image itself, so colour adds nothing but three times the memory.
 */
final class GrayImages {

    private GrayImages() {}

    /** {@code gray} {@code factor} times as wide and high. */
    static BufferedImage enlarged(BufferedImage gray, int factor) {
        return scaled(gray, gray.getWidth() * factor, gray.getHeight() * factor);
    }

    /** {@code gray} drawn at another size, smoothly (bicubic), so that edges stay edges. */
    static BufferedImage scaled(BufferedImage gray, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.drawImage(gray, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return scaled;
    }

    /** {@code gray} turned clockwise by {@code quarterTurns} quarter turns (0 to 3). */
    static BufferedImage turned(BufferedImage gray, int quarterTurns) {
        if (quarterTurns % 4 == 0) {
            return gray;
        }
        boolean sideways = quarterTurns % 2 == 1;
        int width = sideways ? gray.getHeight() : gray.getWidth();
        int height = sideways ? gray.getWidth() : gray.getHeight();
        AffineTransform turn = new AffineTransform();
        turn.translate(width / 2.0, height / 2.0);
        turn.quadrantRotate(quarterTurns);
        turn.translate(-gray.getWidth() / 2.0, -gray.getHeight() / 2.0);
        BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        return new AffineTransformOp(turn, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(gray, turned);
    }

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
