package io.docindexer.deploy;

import io.docindexer.ocr.TesseractOcrEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Run in a child JVM by {@link TesseractLayerIT}: OCRs one image with the languages and natives
 * its environment names, prints the text, then the native Tesseract and Leptonica files this
 * process actually mapped, so the parent can tell the layer's libraries from the system's.
 */
public final class LayerOcrProbe {

    static final String MAPPED = "--- mapped native libraries ---";

    private LayerOcrProbe() {}

    public static void main(String[] args) throws IOException {
        try (TesseractOcrEngine ocr = TesseractOcrEngine.fromEnvironment("eng")) {
            System.out.println(
                    ocr.recognize(ImageIO.read(Path.of(args[0]).toFile())).text());
        }
        System.out.println(MAPPED);
        try (var maps = Files.lines(Path.of("/proc/self/maps"))) {
            maps.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(path -> path.contains("tesseract") || path.contains("lept"))
                    .distinct()
                    .forEach(System.out::println);
        }
    }
}
