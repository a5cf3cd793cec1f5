package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.local.TesseractLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Tesseract layer the build makes with layers/tesseract/Makefile (the same make target sam
 * build runs) loads on Lambda's java21 runtime on either architecture: each folder of natives has
 * its own machine only, no symbol versions newer than Amazon Linux 2023 has, every needed library
 * present, and the whole layer has room under the size limit.
 */
class TesseractLayerTest {

    private static final Path LAYER = Path.of(System.getProperty("docindexer.tesseract.layer"));
    /** glibc, libstdc++ and libgcc_s: on every Lambda runtime, so the layer need not carry them. */
    static final List<String> BASE_SYSTEM = List.of(
            "libc.so.6",
            "libm.so.6",
            "libdl.so.2",
            "libpthread.so.0",
            "librt.so.1",
            "libgcc_s.so.1",
            "libstdc++.so.6",
            "ld-linux-x86-64.so.2",
            "ld-linux-aarch64.so.1");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86_64, " + ElfFile.EM_X86_64, "arm64, " + ElfFile.EM_AARCH64})
    void everySharedObjectIsOfItsFoldersMachineAndNeedsNothingNewerThanAmazonLinux2023(String architecture, int machine)
            throws IOException {
        Path natives = TesseractLayer.natives(LAYER, architecture);

        String report = LayerFolder.checkSharedObjects(natives, machine);
        LayerFolder.checkNeededLibraries(natives, BASE_SYSTEM);
        System.out.print(report);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86_64", "arm64"})
    void theNamesTess4JLoadsPointIntoTheirArchitecturesFolder(String architecture) throws IOException {
        Path natives = TesseractLayer.natives(LAYER, architecture);
        for (String name : List.of("libtesseract.so", "libleptonica.so")) {
            Path link = natives.resolve(name);
            assertThat(link.toRealPath()).as(name).startsWith(natives.toRealPath());
            assertThat(ElfFile.isElf(link)).as(name).isTrue();
        }
    }

    @Test
    void nothingLoadableLiesOutsideTheArchitectureFolders() throws IOException {
        assertThat(LayerFolder.sharedObjects(LAYER.resolve("lib"))).isEmpty();
    }

    @Test
    void theLanguageDataIsThere() {
        for (String language : List.of("eng", "jpn", "jpn_vert", "osd")) {
            assertThat(TesseractLayer.tessdata(LAYER).resolve(language + ".traineddata"))
                    .isNotEmptyFile();
        }
    }

    @Test
    void theUnzippedLayerIsWellUnderLambdasLimit() throws IOException {
        long bytes = LayerFolder.size(LAYER);
        System.out.printf("Tesseract layer (both architectures): %.1f MB unzipped%n", bytes / 1024.0 / 1024.0);
        // A quarter of the limit leaves the function artifact (about 45 MB) plenty of room.
        assertThat(bytes).isLessThan(LayerFolder.UNZIPPED_LIMIT_BYTES / 4);
    }
}
