package io.docindexer.cli;

import io.docindexer.index.IndexUnavailableException;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.index.SearchRequest;
import io.docindexer.index.SearchResults;
import io.docindexer.local.LocalBinding;
import io.docindexer.local.LocalServers;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;

/**
 * Searches the running {@code ./docindexer stack} through the stored search template, the way the
 * app does, and prints the hits for a person.
 */
final class SearchCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final URI endpoint;
    private final String indexName;

    SearchCommand(PrintStream out, PrintStream err, URI endpoint, String indexName) {
        this.out = out;
        this.err = err;
        this.endpoint = endpoint;
        this.indexName = indexName;
    }

    /** Searches where {@code ./docindexer stack} keeps OpenSearch: its fixed port and index. */
    static SearchCommand onTheRunningStack(PrintStream out, PrintStream err) {
        LocalBinding stack = LocalBinding.forContainers();
        return new SearchCommand(
                out, err, URI.create("http://" + stack.host() + ":" + stack.openSearch()), LocalServers.INDEX);
    }

    int run(List<String> args) throws Exception {
        SearchRequest request = SearchArguments.parse(args);
        try (OpenSearchDocumentIndex index = OpenSearchDocumentIndex.connect(endpoint, "es", indexName)) {
            // As the ingest function would on its first write: a stack nothing was indexed into yet
            // has neither the index nor the stored template, and answers no hits rather than 404.
            index.prepare();
            SearchResults results = index.search(request);
            out.printf("search \"%s\": %d hit%s%n", request.query(), results.total(), results.total() == 1 ? "" : "s");
            SearchHitText.print(results.hits(), out);
            if (results.total() > results.hits().size()) {
                out.printf(
                        "  (the first %d shown: add --size N for more)%n",
                        results.hits().size());
            }
            return Main.OK;
        } catch (IndexUnavailableException e) {
            if (!causedBy(e, ConnectException.class)) {
                throw e;
            }
            err.println("No local stack is running: nothing answers at " + endpoint + ". Start one with"
                    + " `./docindexer stack` in another terminal (it indexes samples/), then search again.");
            return Main.FAILED;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
