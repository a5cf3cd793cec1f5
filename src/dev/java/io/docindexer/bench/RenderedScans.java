package io.docindexer.bench;

import io.docindexer.cli.UsageException;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Scan-like page images made at benchmark time from a folder of page texts (src/test/resources/
 * corpus/ocr-ja: Japanese business text written for this project), so that no generated image is
 * kept in the repository. Each {@code NAME.txt} becomes {@code NAME.png} (ScanLikePage, 300 dpi
 * recorded in the file), in tategaki when the name ends in {@code -vertical}; the seed is the
 * name's hash, so every run reads the same pixels. The text as drawn is the page's ground truth.
 */
final class RenderedScans {

    /** Debian's fonts-noto-cjk; the Japanese tests and .ci/run use the same font. */
    static final String FONT = "Noto Sans CJK JP";

    private static final double METRES_PER_INCH = 0.0254;

    private RenderedScans() {}

    /** Renders every page text of {@code texts} into {@code out}; returns each image with its ground truth. */
    static Map<Path, String> render(Path texts, Path out) throws IOException {
        List<Path> pages = BenchCorpus.list(texts, Set.of("txt"));
        if (pages.isEmpty()) {
            throw new UsageException("no page texts (*.txt) in " + texts + " to render as scans");
        }
        requireFont();
        Map<Path, String> truths = new LinkedHashMap<>();
        for (Path page : pages) {
            String name = page.getFileName().toString().replaceFirst("\\.txt$", "");
            String text = Files.readString(page, StandardCharsets.UTF_8);
            ScanLikePage.Page scan = name.endsWith("-vertical")
                    ? ScanLikePage.vertical(text, FONT, name.hashCode())
                    : ScanLikePage.horizontal(text, FONT, name.hashCode());
            Path image = out.resolve(name + ".png");
            writePng(scan.image(), image);
            truths.put(image.toAbsolutePath().normalize(), scan.text());
        }
        return truths;
    }

    static boolean fontInstalled() {
        return Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains(FONT);
    }

    /** Java would silently draw boxes or a fallback font, which OCR would then misread: say what to install. */
    private static void requireFont() {
        if (!fontInstalled()) {
            throw new UsageException("the font '" + FONT + "' is not installed, so the Japanese pages cannot be"
                    + " rendered: install it (Debian/Ubuntu: apt-get install fonts-noto-cjk; elsewhere the Noto"
                    + " Sans CJK JP font from github.com/notofonts/noto-cjk) or leave out --rendered");
        }
    }

    /** A PNG whose pHYs chunk says 300 dpi, so neither side has to guess the resolution. */
    private static void writePng(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(file.toFile())) {
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            String pixelsPerMetre = Long.toString(Math.round(ScanLikePage.DPI / METRES_PER_INCH));
            physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
            physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(physical);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(stream);
            writer.write(new IIOImage(image, List.of(), metadata));
        } finally {
            writer.dispose();
        }
    }
}
