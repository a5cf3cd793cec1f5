package io.docindexer.local;

import java.nio.file.Path;

/**
 * Where a built Tesseract layer (layers/tesseract) keeps what this JVM loads: the natives of its
 * own architecture, in the folder Lambda's architecture name gives (as the template's
 * {@code -Djna.library.path=/opt/lib/${Architecture}} does), and the language data.
 */
public final class TesseractLayer {

    private TesseractLayer() {}

    /** The Lambda architecture name of this JVM's machine: {@code x86_64} or {@code arm64}. */
    public static String hostArchitecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> throw new IllegalStateException("Lambda has no runtime for the " + arch + " architecture");
        };
    }

    /** The folder for {@code jna.library.path}. */
    public static Path natives(Path layer) {
        return natives(layer, hostArchitecture());
    }

    public static Path natives(Path layer, String architecture) {
        return layer.resolve("lib").resolve(architecture);
    }

    /** The folder for {@code TESSDATA_PREFIX}. */
    public static Path tessdata(Path layer) {
        return layer.resolve("share/tessdata");
    }
}
