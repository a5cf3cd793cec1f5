package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer's Makefile where its tools are missing, as in SAM's build images
 * ({@code sam build --use-container}): it stops before doing anything and says to build on the
 * host; and where a download is not what it pinned: it stops without using it.
 */
class TesseractLayerMakefileTest {

    @TempDir
    Path artifacts;

    @Test
    void withoutNpmTheNpmDataStopsAtOnceAndSaysToBuildOnTheHost() throws Exception {
        Build build = make("build-TesseractLayer", "TESSDATA_VARIANT=4.0.0_best_int", "NPM=npm-that-is-not-installed");

        assertThat(build.exitValue()).isNotZero();
        assertThat(build.output()).contains("npm-that-is-not-installed").contains("without --use-container");
        assertThat(artifacts.resolve("cache")).doesNotExist();
    }

    @Test
    void withoutCurlTheFastDataStopsAtOnceAndSaysToBuildOnTheHost() throws Exception {
        Build build = make("build-TesseractLayer", "TESSDATA_VARIANT=fast", "CURL=curl-that-is-not-installed");

        assertThat(build.exitValue()).isNotZero();
        assertThat(build.output())
                .contains("curl-that-is-not-installed")
                .contains("Debian's archive")
                .contains("without --use-container");
        assertThat(artifacts.resolve("cache")).doesNotExist();
    }

    @Test
    void aDebianPackageWhoseBytesAreNotThePinnedOnesIsNotUsed() throws Exception {
        // A mirror serving other bytes under the package's name, read by curl from a file:// URL.
        Path mirror = artifacts.resolve("mirror");
        Path pool = Files.createDirectories(mirror.resolve("pool/main/t/tesseract-lang"));
        Files.writeString(pool.resolve("tesseract-ocr-eng_4.1.0-2_all.deb"), "not the package");

        Build build = make(
                artifacts.resolve("cache/deb/eng.deb").toString(),
                "TESSDATA_VARIANT=fast",
                "DEBIAN_MIRROR=file://" + mirror);

        assertThat(build.exitValue()).isNotZero();
        assertThat(build.output())
                .contains("tesseract-ocr-eng_4.1.0-2_all.deb")
                .contains("does not have the pinned SHA-256 9242d054")
                .contains("not used");
        assertThat(artifacts.resolve("cache/deb")).isEmptyDirectory();
    }

    @Test
    void oneLanguageCanComeFromAnotherVariant() throws Exception {
        // -n: what make would run, without running it (no download).
        Build plan =
                make("build-TesseractLayer", "-n", "TESSDATA_VARIANT_eng=fast", "MVN=true", "NPM=true", "CURL=true");

        assertThat(plan.exitValue()).isZero();
        assertThat(plan.output())
                .contains("tesseract-ocr-eng_4.1.0-2_all.deb")
                .contains("tessdata-debian-4.1.0-2-fast/eng.traineddata")
                .contains("package/4.0.0_best_int/jpn.traineddata.gz")
                .doesNotContain("tesseract-ocr-jpn_")
                .doesNotContain("package/4.0.0_best_int/eng.traineddata.gz");
    }

    private record Build(int exitValue, String output) {}

    private Build make(String target, String... settings) throws Exception {
        List<String> command = new ArrayList<>(List.of("make", "--makefile", "layers/tesseract/Makefile", target));
        command.addAll(List.of(settings));
        command.add("CACHE_DIR=" + artifacts.resolve("cache"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ARTIFACTS_DIR", artifacts.toString());
        Process make = builder.start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Build(make.exitValue(), output);
    }
}
