package io.docindexer.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One way of laying out the benchmark's pages in an index: how it is created and written (unless
 * the function writes it), the search that returns ranked files with their best pages, and its size.
 */
final class SearchLayout {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The analyses the function gives page text: CJK bigrams, English, Kuromoji. */
    private static final String TEXT = "{\"type\": \"text\", \"analyzer\": \"cjk\", \"fields\": {"
            + "\"en\": {\"type\": \"text\", \"analyzer\": \"english\"}, \"ja\": {\"type\": \"text\", \"analyzer\": \"kuromoji\"}}}";

    private static final String HIGHLIGHT =
            "{\"encoder\": \"html\", \"fields\": {\"%1$s\": {\"number_of_fragments\": %2$d,"
                    + " \"fragment_size\": %3$d}, \"%1$s.*\": {\"number_of_fragments\": %2$d, \"fragment_size\": %3$d}}}";

    private final BenchHttp http;
    private final String index;
    private final String mapping;
    private final Function<BenchPages, String> bulk;
    private final Function<String, JsonNode> search;

    private SearchLayout(
            BenchHttp http,
            String index,
            String mapping,
            Function<BenchPages, String> bulk,
            Function<SearchLayout, Function<String, JsonNode>> search) {
        this.http = http;
        this.index = index;
        this.mapping = mapping;
        this.bulk = bulk;
        this.search = search.apply(this);
    }

    /** Version 2, as the function writes it (through OpenSearchDocumentIndex) and the app searches it. */
    static SearchLayout nestedPages(BenchHttp http, String alias) {
        return new SearchLayout(
                http,
                alias + "-v2",
                null,
                null,
                layout -> query -> http.json(
                        "POST",
                        "/" + alias + "/_search/template",
                        json(Map.of("id", alias + "-search", "params", Map.of("query", query, "size", 10)))));
    }

    /** One document per page with the file's key; collapsed on the key, its inner hits the best pages. */
    static SearchLayout pageDocuments(BenchHttp http, String index) {
        String mapping = "{\"mappings\": {\"properties\": {\"key\": {\"type\": \"keyword\"}, \"fileName\": {\"type\":"
                + " \"keyword\"}, \"status\": {\"type\": \"keyword\"}, \"page\": {\"type\": \"integer\"}, \"text\": "
                + TEXT
                + "}}}";
        return new SearchLayout(
                http,
                index,
                mapping,
                pages -> {
                    StringBuilder lines = new StringBuilder();
                    for (int file = 0; file < pages.fileCount(); file++) {
                        List<String> texts = pages.pages(file);
                        for (int page = 0; page < texts.size(); page++) {
                            lines.append(json(Map.of("index", Map.of("_id", file + "-" + (page + 1)))))
                                    .append('\n')
                                    .append(json(Map.of(
                                            "key", BenchPages.key(file),
                                            "fileName", BenchPages.key(file),
                                            "status", "indexed",
                                            "page", page + 1,
                                            "text", texts.get(page))))
                                    .append('\n');
                        }
                    }
                    return lines.toString();
                },
                layout -> query -> http.json("POST", "/" + index + "/_search", """
                        {"size": 10, "_source": ["key", "fileName", "status"],
                         "query": {"bool": {
                           "must": {"multi_match": {"query": %1$s, "fields": ["text", "text.*"], "operator": "and"}},
                           "should": [{"constant_score": {"boost": 100, "filter": {"multi_match": {
                             "query": %1$s, "type": "phrase", "fields": ["text", "text.*"]}}}}]}},
                         "collapse": {"field": "key", "inner_hits": {"name": "pages", "size": 3, "_source": false,
                           "docvalue_fields": ["page"], "highlight": %2$s}},
                         "aggs": {"files": {"cardinality": {"field": "key"}}}}
                        """.formatted(
                                json(query), HIGHLIGHT.formatted("text", 1, 150))));
    }

    /** Version 1: one text field per file; it finds files but cannot say on which page. */
    static SearchLayout oneField(BenchHttp http, String index) {
        String mapping = "{\"mappings\": {\"properties\": {\"key\": {\"type\": \"keyword\"}, \"fileName\": {\"type\":"
                + " \"keyword\"}, \"status\": {\"type\": \"keyword\"}, \"content\": " + TEXT + "}}}";
        return new SearchLayout(
                http,
                index,
                mapping,
                pages -> {
                    StringBuilder lines = new StringBuilder();
                    for (int file = 0; file < pages.fileCount(); file++) {
                        lines.append(json(Map.of("index", Map.of("_id", Integer.toString(file)))))
                                .append('\n')
                                .append(json(Map.of(
                                        "key", BenchPages.key(file),
                                        "fileName", BenchPages.key(file),
                                        "status", "indexed",
                                        "content", String.join("\n\n", pages.pages(file)))))
                                .append('\n');
                    }
                    return lines.toString();
                },
                layout -> query -> http.json("POST", "/" + index + "/_search", """
                        {"size": 10, "_source": ["key", "fileName", "status"],
                         "query": {"bool": {
                           "must": {"multi_match": {"query": %1$s, "fields": ["content", "content.*"], "operator": "and"}},
                           "should": [{"constant_score": {"boost": 100, "filter": {"multi_match": {
                             "query": %1$s, "type": "phrase", "fields": ["content", "content.*"]}}}}]}},
                         "highlight": %2$s}
                        """.formatted(
                                json(query), HIGHLIGHT.formatted("content", 2, 120))));
    }

    String name() {
        return index;
    }

    void create() {
        http.json("PUT", "/" + index, mapping);
    }

    void write(BenchPages pages) {
        JsonNode response =
                http.send("POST", "/" + index + "/_bulk?refresh=true", bulk.apply(pages), "application/x-ndjson");
        if (response.path("errors").asBoolean()) {
            throw new IllegalStateException(
                    "bulk into " + index + " failed: " + response.toString().substring(0, 500));
        }
    }

    JsonNode search(String query) {
        return search.apply(query);
    }

    /** After a merge to one segment, so that the sizes compare layouts rather than merge timing. */
    Map<String, Object> size() {
        http.json("POST", "/" + index + "/_forcemerge?max_num_segments=1", null);
        JsonNode row = http.json("GET", "/_cat/indices/" + index + "?format=json&bytes=b&h=docs.count,store.size", null)
                .get(0);
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("luceneDocs", row.path("docs.count").asLong());
        size.put("storeBytes", row.path("store.size").asLong());
        return size;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
