package io.docindexer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local folder of documents to put in the local bucket: samples/ for the demo and the long-running
 * stack, or any folder the demo is given. Files keep their place below the folder in their keys.
 */
record DocumentFolder(Path root, String hint) {

    static final Path SAMPLES = Path.of("samples");

    static DocumentFolder samples() {
        return new DocumentFolder(SAMPLES, "run ./docindexer from the repository root");
    }

    static DocumentFolder of(Path root) {
        return new DocumentFolder(root, "give the demo a folder that holds documents");
    }

    /** Every regular file below the folder, at any depth, in a stable order; hidden files are skipped. */
    List<Path> files() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new UsageException("no folder " + root + " here; " + hint);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(file -> !isHidden(root.relativize(file)))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new UsageException(root + " holds no files; put a few documents there and run the command again");
            }
            return files;
        }
    }

    /** The object key: the folder's own name, then the file's path below it, with S3's slashes. */
    String key(Path file) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path relative = absoluteRoot.relativize(file.toAbsolutePath().normalize());
        return absoluteRoot.getFileName() + "/"
                + relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
