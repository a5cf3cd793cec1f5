package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.ocr.CharacterErrorRate;
import io.docindexer.ocr.Corpus;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tesseract layer on its own: the arm64 build of layers/tesseract/Makefile (downloads from
 * Maven Central and npm, cached) is all aarch64 and glibc 2.34-compatible, and the x86_64 layer
 * the build made reads text in a JVM that has only the function's artifact and that layer: no
 * LD_LIBRARY_PATH, no system Tesseract (this machine has one, the probe proves it was not used).
 */
class TesseractLayerIT {

    private static final Path LAYER = Path.of(System.getProperty("docindexer.tesseract.layer"));
    private static final Path ARTIFACT = Path.of(System.getProperty("docindexer.lambda.artifact"));

    @Test
    void theArm64LayerIsAarch64AndNeedsNothingNewerThanAmazonLinux2023(@TempDir Path layer) throws Exception {
        Process make = new ProcessBuilder("make", "-s", "-C", "layers/tesseract", "build-TesseractLayer", "ARCH=arm64",
                "ARTIFACTS_DIR=" + layer)
                .redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(make.exitValue()).as("make ARCH=arm64:\n" + output).isZero();

        String report = LayerFolder.checkSharedObjects(layer, ElfFile.EM_AARCH64);
        LayerFolder.checkNeededLibraries(layer, TesseractLayerTest.BASE_SYSTEM);
        long bytes = LayerFolder.size(layer);
        System.out.printf("%sTesseract layer (arm64): %.1f MB unzipped%n", report, bytes / 1024.0 / 1024.0);
        assertThat(bytes).isLessThan(LayerFolder.UNZIPPED_LIMIT_BYTES / 4);
    }

    @Test
    void aJvmWithOnlyTheArtifactAndTheLayerReadsAScannedPage() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djna.library.path=" + LAYER.resolve("lib"),
                "-cp", String.join(File.pathSeparator, ARTIFACT.toString(), ARTIFACT.resolve("lib") + "/*", testClasses()),
                LayerOcrProbe.class.getName(),
                Corpus.file("ocr/phototest.tif").toString())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("TESSDATA_PREFIX", LAYER.resolve("share/tessdata").toString());
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process probe = builder.start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();

        int marker = output.indexOf(LayerOcrProbe.MAPPED);
        String text = output.substring(0, marker);
        List<String> mapped = output.substring(marker + LayerOcrProbe.MAPPED.length()).strip().lines().toList();
        assertThat(CharacterErrorRate.of(text, Corpus.text("ocr/phototest.gold.txt"))).as(text).isLessThan(0.05);
        String layer = LAYER.toRealPath().toString();
        assertThat(mapped).as("native libraries mapped").isNotEmpty().allMatch(path -> path.startsWith(layer));
    }

    private static String testClasses() throws URISyntaxException {
        return Path.of(LayerOcrProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
