package io.docindexer.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Turns a grey image by a multiple of 90 degrees clockwise, pixel for pixel (no resampling): turned scans made in the test. */
final class Rotation {

    private Rotation() {}

    static BufferedImage clockwise(BufferedImage gray, int degrees) {
        int quarterTurns = Math.floorMod(degrees, 360) / 90;
        if (quarterTurns == 0) {
            return gray;
        }
        int width = gray.getWidth();
        int height = gray.getHeight();
        boolean sideways = quarterTurns % 2 == 1;
        BufferedImage rotated =
                new BufferedImage(sideways ? height : width, sideways ? width : height, BufferedImage.TYPE_BYTE_GRAY);
        Raster in = gray.getRaster();
        WritableRaster out = rotated.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            in.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                switch (quarterTurns) {
                    case 1 -> out.setSample(height - 1 - y, x, 0, row[x]);
                    case 2 -> out.setSample(width - 1 - x, height - 1 - y, 0, row[x]);
                    default -> out.setSample(y, width - 1 - x, 0, row[x]);
                }
            }
        }
        return rotated;
    }
}
