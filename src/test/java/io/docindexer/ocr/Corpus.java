package io.docindexer.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test corpus, which sits beside the project root. */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        return Path.of(System.getProperty("user.dir")).resolve("../shared/corpus").normalize();
    }

    public static Path file(String relativePath) {
        return root().resolve(relativePath);
    }

    public static String text(String relativePath) {
        try {
            return Files.readString(file(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
