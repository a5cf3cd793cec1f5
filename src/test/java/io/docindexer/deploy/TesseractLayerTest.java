package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The x86_64 Tesseract layer the build makes with layers/tesseract/Makefile (the same make target
 * sam build runs) loads on Lambda's java21 runtime: right machine, no symbol versions newer than
 * Amazon Linux 2023 has, every needed library present, and room under the size limit.
 */
class TesseractLayerTest {

    private static final Path LAYER = Path.of(System.getProperty("docindexer.tesseract.layer"));
    /** glibc, libstdc++ and libgcc_s: on every Lambda runtime, so the layer need not carry them. */
    static final List<String> BASE_SYSTEM = List.of("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
            "libgcc_s.so.1", "libstdc++.so.6", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1");

    @Test
    void everySharedObjectIsX8664AndNeedsNothingNewerThanAmazonLinux2023() throws IOException {
        String report = LayerFolder.checkSharedObjects(LAYER, ElfFile.EM_X86_64);
        LayerFolder.checkNeededLibraries(LAYER, BASE_SYSTEM);
        System.out.print(report);
    }

    @Test
    void theNamesTess4JLoadsPointIntoTheLayerAndTheLanguageDataIsThere() throws IOException {
        for (String name : List.of("libtesseract.so", "libleptonica.so")) {
            Path link = LAYER.resolve("lib").resolve(name);
            assertThat(link.toRealPath()).as(name).startsWith(LAYER.resolve("lib").toRealPath());
            assertThat(ElfFile.isElf(link)).as(name).isTrue();
        }
        for (String language : List.of("eng", "jpn", "jpn_vert", "osd")) {
            assertThat(LAYER.resolve("share/tessdata/" + language + ".traineddata")).isNotEmptyFile();
        }
    }

    @Test
    void theUnzippedLayerIsWellUnderLambdasLimit() throws IOException {
        long bytes = LayerFolder.size(LAYER);
        System.out.printf("Tesseract layer (x86_64): %.1f MB unzipped%n", bytes / 1024.0 / 1024.0);
        // A quarter of the limit leaves the function artifact (about 45 MB) plenty of room.
        assertThat(bytes).isLessThan(LayerFolder.UNZIPPED_LIMIT_BYTES / 4);
        assertThat(Files.isDirectory(LAYER.resolve("share/tessdata"))).isTrue();
    }
}
