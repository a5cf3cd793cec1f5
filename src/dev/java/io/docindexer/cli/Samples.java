package io.docindexer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files in samples/, which the demo and the long-running stack put in the local bucket ({@code LocalServers.putSample}). */
final class Samples {

    static final Path FOLDER = Path.of("samples");

    private Samples() {}

    static List<Path> files() throws IOException {
        if (!Files.isDirectory(FOLDER)) {
            throw new UsageException("no samples/ folder here; run ./docindexer from the repository root");
        }
        try (Stream<Path> listing = Files.list(FOLDER)) {
            List<Path> files = listing.filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) {
                throw new UsageException("samples/ is empty; put a few documents there and run the command again");
            }
            return files;
        }
    }
}
