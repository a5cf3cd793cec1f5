package io.docindexer.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders the tooling makes for a run and removes after it. */
public final class FileTrees {

    private FileTrees() {}

    /** Deletes the folder and everything below it, the deepest paths first. */
    public static void delete(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
