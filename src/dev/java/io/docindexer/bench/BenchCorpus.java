package io.docindexer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files one timed pass processes: the folder's files with the given extensions, the whole
 * set repeated K times, and how many pages that makes.
 */
record BenchCorpus(List<Path> files, int repeat, int pages) {

    /** The folder's regular files whose extension (lower case, no dot) is one of {@code extensions}, by name. */
    static List<Path> list(Path dir, Set<String> extensions) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> extensions.contains(extension(file)))
                    .sorted()
                    .toList();
        }
    }

    /** Every file K times; the whole set before the next copy, so that big and small files mix. */
    List<Path> pass() {
        List<Path> pass = new ArrayList<>(files.size() * repeat);
        for (int copy = 0; copy < repeat; copy++) {
            pass.addAll(files);
        }
        return Collections.unmodifiableList(pass);
    }

    int filesPerPass() {
        return files.size() * repeat;
    }

    int pagesPerPass() {
        return pages * repeat;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
