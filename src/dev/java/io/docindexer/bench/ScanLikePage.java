package io.docindexer.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * A page of text as a scanner hands it back, for OCR fixtures whose ground truth is known
 * exactly: A4 at 300 dpi, the text wrapped to 20 mm margins in 10.5 pt (horizontal lines, or
 * tategaki columns read top to bottom, right to left), then what a real scan adds: a skew of up
 * to 0.8 degrees, greyish paper, sensor noise that roughens the strokes' edges, a few toner
 * specks, and the scanner's fixed-threshold binarisation to black and white. The same text, font
 * and seed give the same pixels, so a benchmark's pages are the same from run to run.
 */
final class ScanLikePage {

    static final int DPI = 300;

    private static final int WIDTH = 2480; // 210 mm
    private static final int HEIGHT = 3508; // 297 mm
    private static final int MARGIN = 236; // 20 mm
    private static final int FONT_PIXELS = Math.round(10.5f * DPI / 72);
    private static final double MAX_SKEW_DEGREES = 0.8;
    private static final int PAPER = 236;
    private static final double NOISE_SIGMA = 28;
    private static final int THRESHOLD = 128;
    private static final int SPECKS = 150;
    /** Closing marks that Japanese typesetting never puts at the start of a line (kinsoku). */
    private static final String NO_LINE_START = "、。，．）」』】・ー";

    /** The image and the text it shows, line by line (or column by column) as drawn. */
    record Page(BufferedImage image, String text) {}

    private ScanLikePage() {}

    /** {@code font} is a family name; its size is set here. Each line of {@code text} starts a new line. */
    static Page horizontal(String text, String font, long seed) {
        BufferedImage gray = blankPage();
        Graphics2D graphics = textGraphics(gray, font, seed);
        List<String> lines;
        try {
            FontMetrics metrics = graphics.getFontMetrics();
            lines = wrap(text, WIDTH - 2 * MARGIN, line -> metrics.stringWidth(line));
            int step = FONT_PIXELS * 17 / 10;
            for (int i = 0; i < lines.size(); i++) {
                graphics.drawString(lines.get(i), MARGIN, MARGIN + FONT_PIXELS + i * step);
            }
        } finally {
            graphics.dispose();
        }
        return new Page(scanned(gray, seed), String.join("\n", lines));
    }

    /** Tategaki: each line of {@code text} starts a new column; full stops and commas sit top right in their cell. */
    static Page vertical(String text, String font, long seed) {
        BufferedImage gray = blankPage();
        Graphics2D graphics = textGraphics(gray, font, seed);
        List<String> columns;
        try {
            int cell = FONT_PIXELS * 11 / 10;
            columns = wrap(text, HEIGHT - 2 * MARGIN, column -> column.codePointCount(0, column.length()) * cell);
            for (int c = 0; c < columns.size(); c++) {
                int x = WIDTH - MARGIN - FONT_PIXELS - c * FONT_PIXELS * 2;
                int[] characters = columns.get(c).codePoints().toArray();
                for (int i = 0; i < characters.length; i++) {
                    boolean mark = characters[i] == '、' || characters[i] == '。';
                    int shift = mark ? FONT_PIXELS * 6 / 10 : 0;
                    graphics.drawString(
                            Character.toString(characters[i]), x + shift, MARGIN + FONT_PIXELS + i * cell - shift);
                }
            }
        } finally {
            graphics.dispose();
        }
        return new Page(scanned(gray, seed), String.join("\n", columns));
    }

    /**
     * Breaks each line of {@code text} into pieces no longer than {@code room} (as {@code length}
     * measures them), character by character as Japanese wraps, keeping closing marks on the line
     * before. Empty lines stay, as the gaps between paragraphs.
     */
    static List<String> wrap(String text, int room, ToIntFunction<String> length) {
        List<String> pieces = new ArrayList<>();
        for (String line : text.strip().split("\n", -1)) {
            StringBuilder piece = new StringBuilder();
            for (int character : line.strip().codePoints().toArray()) {
                String next = piece + Character.toString(character);
                boolean mayBreak = NO_LINE_START.indexOf(character) < 0;
                if (!piece.isEmpty() && mayBreak && length.applyAsInt(next) > room) {
                    pieces.add(piece.toString().strip());
                    piece.setLength(0);
                }
                piece.appendCodePoint(character);
            }
            pieces.add(piece.toString().strip());
        }
        return pieces;
    }

    private static BufferedImage blankPage() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(PAPER, PAPER, PAPER));
        graphics.fillRect(0, 0, WIDTH, HEIGHT);
        graphics.dispose();
        return image;
    }

    /** Anti-aliased black text, the whole page turned by the seed's skew about its centre. */
    private static Graphics2D textGraphics(BufferedImage image, String font, long seed) {
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        double skew = (new Random(seed).nextDouble() * 2 - 1) * MAX_SKEW_DEGREES;
        graphics.rotate(Math.toRadians(skew), WIDTH / 2.0, HEIGHT / 2.0);
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(font, Font.PLAIN, FONT_PIXELS));
        return graphics;
    }

    /** Noise and specks on the grey page, then black wherever it is darker than the threshold. */
    private static BufferedImage scanned(BufferedImage gray, long seed) {
        Random random = new Random(seed + 1);
        WritableRaster pixels = gray.getRaster();
        for (int speck = 0; speck < SPECKS; speck++) {
            int x = random.nextInt(WIDTH - 4);
            int y = random.nextInt(HEIGHT - 4);
            int size = 1 + random.nextInt(3);
            for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                    pixels.setSample(x + dx, y + dy, 0, 0);
                }
            }
        }
        BufferedImage bilevel = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster out = bilevel.getRaster();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double value = pixels.getSample(x, y, 0) + random.nextGaussian() * NOISE_SIGMA;
                out.setSample(x, y, 0, value < THRESHOLD ? 0 : 1);
            }
        }
        return bilevel;
    }
}
