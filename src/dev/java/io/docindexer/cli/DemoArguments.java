package io.docindexer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code demo [DIR] [--query Q]...}: the folder to index (samples/ by default) and the searches to run. */
record DemoArguments(DocumentFolder folder, List<String> queries) {

    static final String USAGE = "usage: ./docindexer demo [DIR] [--query \"QUERY\"]...";

    /** Searches that show English stemming, Japanese words in compounds, a phrase on a scanned page and a file name. */
    static final List<String> SAMPLE_QUERIES = List.of("revenue contracts", "契約書", "秘密保持", "請求書 東京", "agenda");

    static DemoArguments parse(List<String> args) {
        Path folder = null;
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--query")) {
                if (++i >= args.size() || args.get(i).isBlank()) {
                    throw new UsageException("--query needs the words to search for\n" + USAGE);
                }
                queries.add(args.get(i));
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg + "\n" + USAGE);
            } else if (folder != null) {
                throw new UsageException("demo indexes one folder, not " + folder + " and " + arg + "\n" + USAGE);
            } else {
                folder = Path.of(arg);
            }
        }
        DocumentFolder documents = folder == null ? DocumentFolder.samples() : DocumentFolder.of(folder);
        return new DemoArguments(
                documents, queries.isEmpty() && folder == null ? SAMPLE_QUERIES : List.copyOf(queries));
    }
}
