package io.docindexer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code extract [--json] [--thumbnails DIR] FILE...}. */
record ExtractArguments(boolean json, Path thumbnails, List<Path> files) {

    static final String USAGE = "usage: ./docindexer extract [--json] [--thumbnails DIR] FILE...";

    static ExtractArguments parse(List<String> args) {
        boolean json = false;
        Path thumbnails = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--thumbnails" -> {
                    if (++i >= args.size()) {
                        throw new UsageException("--thumbnails needs the folder to write them to\n" + USAGE);
                    }
                    thumbnails = Path.of(args.get(i));
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'\n" + USAGE);
                    }
                    Path file = Path.of(arg);
                    if (!Files.isRegularFile(file)) {
                        throw new UsageException("no file at " + arg + "; give the paths of files to extract");
                    }
                    files.add(file);
                }
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("give at least one file\n" + USAGE);
        }
        return new ExtractArguments(json, thumbnails, List.copyOf(files));
    }
}
