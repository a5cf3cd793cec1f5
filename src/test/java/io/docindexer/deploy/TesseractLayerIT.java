package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.local.TesseractLayer;
import io.docindexer.ocr.CharacterErrorRate;
import io.docindexer.ocr.Corpus;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Tesseract layer the build made reads text in a JVM that has only the function's artifact
 * and that layer's natives for this machine: no LD_LIBRARY_PATH, no system Tesseract (this
 * machine has one, the probe proves it was not used).
 */
class TesseractLayerIT {

    private static final Path LAYER = Path.of(System.getProperty("docindexer.tesseract.layer"));
    private static final Path ARTIFACT = SamBuild.function().artifacts();

    @Test
    void aJvmWithOnlyTheArtifactAndTheLayerReadsAScannedPage() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // JDK 24+ warns on stderr when JNA loads a library (Lambda's java21 does not); the
                        // probe's output is the recognised text.
                        "--enable-native-access=ALL-UNNAMED",
                        "-Djna.library.path=" + TesseractLayer.natives(LAYER),
                        "-cp",
                        String.join(
                                File.pathSeparator, ARTIFACT.toString(), ARTIFACT.resolve("lib") + "/*", testClasses()),
                        LayerOcrProbe.class.getName(),
                        Corpus.file("ocr/phototest.tif").toString())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment()
                .put("TESSDATA_PREFIX", TesseractLayer.tessdata(LAYER).toString());
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process probe = builder.start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();

        int marker = output.indexOf(LayerOcrProbe.MAPPED);
        String text = output.substring(0, marker);
        List<String> mapped = output.substring(marker + LayerOcrProbe.MAPPED.length())
                .strip()
                .lines()
                .toList();
        assertThat(CharacterErrorRate.of(text, Corpus.text("ocr/phototest.gold.txt")))
                .as(text)
                .isLessThan(0.05);
        String layer = LAYER.toRealPath().toString();
        assertThat(mapped).as("native libraries mapped").isNotEmpty().allMatch(path -> path.startsWith(layer));
    }

    private static String testClasses() throws URISyntaxException {
        return Path.of(LayerOcrProbe.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
    }
}
