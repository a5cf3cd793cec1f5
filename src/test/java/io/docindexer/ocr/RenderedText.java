package io.docindexer.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.function.Consumer;

/** Text drawn into a grey image, like a clean scan: OCR fixtures made in the test, not shipped. */
public final class RenderedText {

    /** From Debian's fonts-noto-cjk, which .ci/run installs. */
    public static final String JAPANESE_FONT = "Noto Sans CJK JP";

    private RenderedText() {}

    public static boolean japaneseFontInstalled() {
        return Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains(JAPANESE_FONT);
    }

    public static BufferedImage render(String text, Font font) {
        String[] lines = text.split("\n");
        return draw(1000, 100 + lines.length * 70, font, graphics -> {
            for (int i = 0; i < lines.length; i++) {
                graphics.drawString(lines[i], 50, 90 + i * 70);
            }
        });
    }

    /** Tategaki: each line of {@code text} a column, read top to bottom, columns right to left. */
    public static BufferedImage renderVertical(String text, Font font) {
        String[] columns = text.split("\n");
        int size = font.getSize();
        int longest = Arrays.stream(columns).mapToInt(String::length).max().orElse(0);
        int width = 100 + columns.length * 2 * size;
        return draw(width, 100 + longest * size * 6 / 5, font, graphics -> {
            for (int column = 0; column < columns.length; column++) {
                int x = width - 50 - (column + 1) * 2 * size;
                for (int i = 0; i < columns[column].length(); i++) {
                    graphics.drawString(columns[column].substring(i, i + 1), x, 50 + size + i * size * 6 / 5);
                }
            }
        });
    }

    /** Black anti-aliased text in {@code font} on a white grey image. */
    private static BufferedImage draw(int width, int height, Font font, Consumer<Graphics2D> text) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(Color.BLACK);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setFont(font);
            text.accept(graphics);
        } finally {
            graphics.dispose();
        }
        return image;
    }
}
