package io.docindexer.chaos;

import io.docindexer.local.PngChunks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A black RGB PNG of exactly {@value #SIDE} x {@value #SIDE} pixels: 100 million pixels, the most
 * MAX_PIXELS_PER_PAGE allows, so the extractor does not refuse it (it refuses larger images
 * before decoding them) and decodes it into a 300 MB raster. A function whose heap is smaller
 * dies of it; the file itself is a few hundred kilobytes. Written row by row, never held as an
 * image, so making it costs the harness no heap.
 */
final class PoisonImage {

    static final int SIDE = 10_000;
    private static final int BYTES_PER_PIXEL = 3;

    private PoisonImage() {}

    static byte[] png() {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(PngChunks.SIGNATURE);
            ByteBuffer header = ByteBuffer.allocate(13);
            header.putInt(SIDE).putInt(SIDE);
            header.put((byte) 8); // bits per sample
            header.put((byte) 2); // colour type: RGB
            header.put(new byte[] {0, 0, 0}); // deflate, adaptive filtering, no interlace
            PngChunks.write(png, "IHDR", header.array());
            PngChunks.write(png, "IDAT", blackRows());
            PngChunks.write(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Each row is a filter byte (0, none) and the row's zero samples, deflated as they are written. */
    private static byte[] blackRows() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[1 + SIDE * BYTES_PER_PIXEL];
        try (OutputStream deflating =
                new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
            for (int y = 0; y < SIDE; y++) {
                deflating.write(row);
            }
        }
        return compressed.toByteArray();
    }
}
