package io.docindexer.cli;

import io.docindexer.index.SearchFilters;
import io.docindexer.index.SearchRequest;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code search "QUERY" [--ext EXT]... [--status STATUS]... [--prefix KEY] [--size N]}. */
final class SearchArguments {

    static final String USAGE =
            "usage: ./docindexer search \"QUERY\" [--ext EXT]... [--status indexed|metadata-only]..."
                    + " [--prefix KEY] [--size N]";

    private SearchArguments() {}

    static SearchRequest parse(List<String> args) {
        List<String> words = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        String prefix = null;
        int size = SearchRequest.DEFAULT_SIZE;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--ext" -> extensions.add(value(args, ++i, arg).replaceFirst("^\\.", ""));
                case "--status" -> statuses.add(value(args, ++i, arg));
                case "--prefix" -> prefix = value(args, ++i, arg);
                case "--size" -> size = number(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg + "\n" + USAGE);
                    }
                    words.add(arg);
                }
            }
        }
        if (words.isEmpty()) {
            throw new UsageException("search needs a query\n" + USAGE);
        }
        try {
            SearchFilters filters = SearchFilters.NONE
                    .withExtensions(extensions.toArray(String[]::new))
                    .withStatuses(statuses.toArray(String[]::new))
                    .withKeyPrefix(prefix);
            return SearchRequest.of(String.join(" ", words)).page(0, size).filteredBy(filters);
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(invalid.getMessage() + "\n" + USAGE);
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new UsageException(option + " needs a number, not '" + value + "'\n" + USAGE);
        }
    }
}
