package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer's Makefile where its tools are missing, as in SAM's build images
 * ({@code sam build --use-container}): it stops before doing anything and says to build on the host.
 */
class TesseractLayerMakefileTest {

    @Test
    void withoutNpmTheBuildStopsAtOnceAndSaysToBuildOnTheHost(@TempDir Path artifacts) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "make",
                        "--makefile",
                        "layers/tesseract/Makefile",
                        "build-TesseractLayer",
                        "NPM=npm-that-is-not-installed",
                        "CACHE_DIR=" + artifacts.resolve("cache"))
                .redirectErrorStream(true);
        builder.environment().put("ARTIFACTS_DIR", artifacts.toString());
        Process make = builder.start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(make.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(make.exitValue()).isNotZero();
        assertThat(output).contains("npm-that-is-not-installed").contains("without --use-container");
        assertThat(artifacts.resolve("cache")).doesNotExist();
    }
}
