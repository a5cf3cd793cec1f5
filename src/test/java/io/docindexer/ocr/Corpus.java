package io.docindexer.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test corpus: real files with their ground truth, kept in the project (licences in its README). */
public final class Corpus {

    private Corpus() {}

    public static Path root() {
        return Path.of(System.getProperty("user.dir"))
                .resolve("src/test/resources/corpus")
                .normalize();
    }

    /** A corpus file; its zip archives are made from their parts on first use (see {@link CorpusArchives}). */
    public static Path file(String relativePath) {
        return CorpusArchives.isArchive(relativePath)
                ? CorpusArchives.file(relativePath)
                : root().resolve(relativePath);
    }

    public static String text(String relativePath) {
        try {
            return Files.readString(file(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
