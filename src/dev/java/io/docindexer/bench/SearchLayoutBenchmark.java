package io.docindexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.cli.Main;
import io.docindexer.cli.UsageException;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.local.OpenSearchServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench search [--docs N] [--queries Q]}: the same multi-page documents in three layouts on
 * the local OpenSearch, and what each costs: the index as the function writes it (version 2: pages
 * nested in the file, searched through the stored template), page documents collapsed by file,
 * and one text field per file (version 1, which cannot name pages). Prints each layout's size on
 * disk after a merge to one segment (as {@code _cat/indices} reports it) and the server's time
 * ({@code took}) and the client's for the same queries, run in turn on each layout.
 */
public final class SearchLayoutBenchmark {

    static final String USAGE = "./docindexer bench search [--docs N] [--queries Q]";
    private static final int DEFAULT_DOCS = 300;
    private static final int DEFAULT_QUERIES = 200;
    private static final int WARM_UP_QUERIES = 50;
    private static final int BULK_FILES = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    public SearchLayoutBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws Exception {
        int docs = option(args, "--docs", DEFAULT_DOCS);
        int queries = option(args, "--queries", DEFAULT_QUERIES);
        BenchPages corpus = BenchPages.generate(docs);
        err.printf("bench search: %d files, %d pages, %d queries per layout%n", docs, corpus.pageCount(), queries);
        OpenSearchServer openSearch = OpenSearchServer.fromBuild();
        openSearch.start();
        try (openSearch) {
            URI endpoint = openSearch.endpoint();
            BenchHttp http = new BenchHttp(endpoint);
            List<SearchLayout> layouts = List.of(
                    SearchLayout.nestedPages(http, "bench-nested"),
                    SearchLayout.pageDocuments(http, "bench-collapsed"),
                    SearchLayout.oneField(http, "bench-flat"));
            indexNested(endpoint, corpus);
            for (SearchLayout layout : layouts.subList(1, layouts.size())) {
                layout.create();
                layout.write(corpus);
            }
            List<String> words = corpus.queries(WARM_UP_QUERIES + queries);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("files", docs);
            report.put("pages", corpus.pageCount());
            report.put("queries", queries);
            for (SearchLayout layout : layouts) {
                report.put(layout.name(), layout.size());
            }
            Map<String, LatencySample> latencies = new LinkedHashMap<>();
            layouts.forEach(layout -> latencies.put(layout.name(), new LatencySample()));
            for (int i = 0; i < words.size(); i++) {
                for (SearchLayout layout : layouts) {
                    long started = System.nanoTime();
                    JsonNode response = layout.search(words.get(i));
                    long clientMicros = (System.nanoTime() - started) / 1_000;
                    if (i >= WARM_UP_QUERIES) {
                        latencies.get(layout.name()).add(response.path("took").asLong(), clientMicros);
                    }
                }
            }
            latencies.forEach((name, sample) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> entry = (Map<String, Object>) report.get(name);
                entry.putAll(sample.summary());
                err.printf("%-16s %s%n", name, entry);
            });
            out.println(JSON.writeValueAsString(report));
        }
        return Main.OK;
    }

    /** Through the function's own index and bulk writes, so the layout measured is the one shipped. */
    private static void indexNested(URI endpoint, BenchPages corpus) {
        try (OpenSearchDocumentIndex index = OpenSearchDocumentIndex.connect(endpoint, "es", "bench-nested")) {
            List<IndexOperation> batch = new ArrayList<>();
            for (int file = 0; file < corpus.fileCount(); file++) {
                batch.add(new IndexOperation.Upsert(corpus.document(file)));
                if (batch.size() == BULK_FILES || file == corpus.fileCount() - 1) {
                    index.apply(batch);
                    batch.clear();
                }
            }
            index.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int option(List<String> args, String name, int fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        try {
            return Integer.parseInt(args.get(at + 1));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new UsageException(name + " needs a number; usage: " + USAGE);
        }
    }
}
