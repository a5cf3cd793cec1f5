package io.docindexer.local.searchpage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.docindexer.index.IndexUnavailableException;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.index.SearchFilters;
import io.docindexer.index.SearchRejectedException;
import io.docindexer.index.SearchRequest;
import io.docindexer.index.SearchResults;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/search?q=WORDS&ext=pdf&status=indexed&prefix=KEY&from=0&size=10}: one page of
 * results of the stored search template, as JSON {@code {"total": N, "hits": [...]}} with each hit
 * as {@link io.docindexer.index.SearchHit} has it. Bad parameters answer 400 and OpenSearch's
 * troubles 502, each as {@code {"error": "..."}} saying what to do.
 */
final class SearchEndpoint implements HttpHandler {

    private static final String JSON = "application/json; charset=utf-8";

    private final OpenSearchDocumentIndex index;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    SearchEndpoint(OpenSearchDocumentIndex index) {
        this.index = index;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.onlyGet(exchange)) {
                return;
            }
            SearchRequest request;
            try {
                request = request(QueryParameters.parse(exchange.getRequestURI().getRawQuery()));
            } catch (IllegalArgumentException invalid) {
                error(exchange, 400, invalid.getMessage());
                return;
            }
            SearchResults results;
            try {
                results = index.search(request);
            } catch (SearchRejectedException | IndexUnavailableException failed) {
                error(
                        exchange,
                        502,
                        "OpenSearch could not run the search (" + failed.getMessage()
                                + "); is the stack still running? See its terminal.");
                return;
            }
            Responses.send(exchange, 200, JSON, json.writeValueAsBytes(results));
        }
    }

    /** The stored template's params from the address's parameters; SearchRequest checks them. */
    static SearchRequest request(QueryParameters parameters) {
        String query = parameters.first("q");
        if (query == null) {
            throw new IllegalArgumentException("a search needs words: add ?q=WORDS");
        }
        SearchFilters filters = SearchFilters.NONE
                .withExtensions(parameters.all("ext").toArray(String[]::new))
                .withStatuses(parameters.all("status").toArray(String[]::new))
                .withKeyPrefix(parameters.first("prefix"));
        return SearchRequest.of(query)
                .page(number(parameters, "from", 0), number(parameters, "size", SearchRequest.DEFAULT_SIZE))
                .filteredBy(filters);
    }

    private static int number(QueryParameters parameters, String name, int otherwise) {
        String value = parameters.first(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private void error(HttpExchange exchange, int status, String message) throws IOException {
        Responses.send(exchange, status, JSON, json.writeValueAsBytes(Map.of("error", message)));
    }
}
