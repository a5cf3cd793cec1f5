package io.docindexer.bench;

import io.docindexer.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The arguments the file benchmarks share: {@code DIR [--repeat K] [--rounds R]}. The corpus is
 * repeated K times per timed pass so that a pass lasts long enough to measure; R rounds of both
 * sides give the medians.
 */
record BenchOptions(Path dir, int repeat, int rounds) {

    static final int DEFAULT_ROUNDS = 5;

    static BenchOptions parse(List<String> args, String usage, int defaultRepeat) {
        Path dir = null;
        int repeat = defaultRepeat;
        int rounds = DEFAULT_ROUNDS;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--repeat" -> repeat = positive(args, ++i, arg, usage);
                case "--rounds" -> rounds = positive(args, ++i, arg, usage);
                default -> {
                    if (arg.startsWith("-") || dir != null) {
                        throw new UsageException("unexpected argument '" + arg + "'; usage: " + usage);
                    }
                    dir = Path.of(arg);
                }
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException((dir == null ? "no DIR given" : "no folder at " + dir) + "; usage: " + usage);
        }
        return new BenchOptions(dir, repeat, rounds);
    }

    static int positive(List<String> args, int index, String option, String usage) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a number; usage: " + usage);
        }
        try {
            int value = Integer.parseInt(args.get(index));
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the usage.
        }
        throw new UsageException(
                option + " must be a whole number of at least 1, not '" + args.get(index) + "'; usage: " + usage);
    }
}
