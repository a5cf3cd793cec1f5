package io.docindexer.extract;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes a thumbnail from a page image the extractor already holds: scaled so that its longest
 * side is {@value #LONGEST_SIDE} pixels (never enlarged: that adds bytes, not detail), then
 * encoded as a JPEG, or, for grey pages, as a PNG when that is smaller (black-and-white scans,
 * where JPEG spends its bytes on ringing around every letter). Rendering and decoding stay with the
 * extractors, which already hold the page image; this class only scales and encodes.
 */
public final class Thumbnails {

    /**
     * 600 px, about 51 dpi for an A4 page: headings and body text (10-12 pt) stay readable, where
     * at 32 dpi (about 370 px), the blur users complain about, body text turns into grey lines;
     * a dense page still fits in about 60 KB as a JPEG.
     */
    public static final int LONGEST_SIDE = 600;

    /** Below this, text pages show visible block noise; above it, bytes grow faster than sharpness. */
    private static final float JPEG_QUALITY = 0.75f;
    /**
     * For the rare page too busy for {@link #TYPICAL_MAX_BYTES} at full quality (a dense scan of
     * small print): a second encoding, softer but still legible, rather than a list of results
     * whose one picture loads slowly.
     */
    private static final float BUSY_PAGE_JPEG_QUALITY = 0.5f;

    static final int TYPICAL_MAX_BYTES = 60 * 1024;

    private Thumbnails() {}

    /** @param page a decoded page or image, grey or colour, with or without transparency */
    public static Thumbnail of(BufferedImage page) {
        BufferedImage small = scaled(page);
        byte[] jpeg = jpeg(small, JPEG_QUALITY);
        if (jpeg.length > TYPICAL_MAX_BYTES) {
            jpeg = jpeg(small, BUSY_PAGE_JPEG_QUALITY);
        }
        if (small.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            // Colour pages and photographs: PNG was never the smaller in the corpus, so it is not tried.
            return new Thumbnail(jpeg, Thumbnail.JPEG, small.getWidth(), small.getHeight());
        }
        byte[] png = png(small);
        return png.length < jpeg.length
                ? new Thumbnail(png, Thumbnail.PNG, small.getWidth(), small.getHeight())
                : new Thumbnail(jpeg, Thumbnail.JPEG, small.getWidth(), small.getHeight());
    }

    /** The resolution at which a page of this size in points renders with its longest side {@value #LONGEST_SIDE} px. */
    static float dpiFor(float widthPoints, float heightPoints) {
        // Half a pixel more: PDFBox truncates the rendered size, and 842 pt at exactly 600 px comes out 599.
        return (LONGEST_SIDE + 0.5f) * 72f / Math.max(widthPoints, heightPoints);
    }

    /**
     * Halves the image with bilinear filtering until one more halving would go below the target,
     * then takes the last step: each step averages 2x2 pixels, so thin strokes of a 300 dpi scan
     * fade to grey instead of vanishing, as they do when one step skips most source pixels. The
     * result is opaque (transparency on white paper) and grey when the source is grey.
     */
    static BufferedImage scaled(BufferedImage source) {
        int longest = Math.max(source.getWidth(), source.getHeight());
        double factor = Math.min(1.0, (double) LONGEST_SIDE / longest);
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        // Bytes, not packed ints: the JPEG writer copies a byte raster row by row with array copies,
        // but an int one pixel by pixel, which was a third of a one-page PDF's extraction under C1.
        int type = isGrey(source.getColorModel()) ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage current = source;
        int stepWidth = source.getWidth();
        int stepHeight = source.getHeight();
        do {
            stepWidth = Math.max(width, stepWidth / 2);
            stepHeight = Math.max(height, stepHeight / 2);
            current = drawn(current, stepWidth, stepHeight, type);
        } while (stepWidth > width || stepHeight > height);
        return current;
    }

    /**
     * Grey images and bilevel scans (TIFF and PNG store those with a black-and-white palette):
     * their thumbnails stay grey, a third of the pixels to encode and store.
     */
    static boolean isGrey(ColorModel model) {
        if (model.getNumColorComponents() == 1) {
            return true;
        }
        if (!(model instanceof IndexColorModel palette)) {
            return false;
        }
        for (int i = 0; i < palette.getMapSize(); i++) {
            if (palette.getRed(i) != palette.getGreen(i) || palette.getGreen(i) != palette.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage drawn(BufferedImage source, int width, int height, int type) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw inMemory(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw inMemory(e);
        }
        return bytes.toByteArray();
    }

    /** Encoding into memory has no I/O to fail: only a bug in the JDK's encoders gets here. */
    private static UncheckedIOException inMemory(IOException e) {
        return new UncheckedIOException("could not encode a thumbnail", e);
    }
}
