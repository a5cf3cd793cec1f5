package io.docindexer.index;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a search: the params of the stored search template, as the app sends them.
 *
 * @param query the words; every one must match, in the content (in any of its analyses) or the key
 * @param from hits to skip, for paging
 * @param size hits to return, 1 to {@value #MAX_SIZE}
 */
public record SearchRequest(String query, int from, int size, SearchFilters filters) {

    public static final int DEFAULT_SIZE = 10;
    /** A page a person reads; deeper result lists are paged with {@code from}. */
    public static final int MAX_SIZE = 100;

    public SearchRequest {
        Objects.requireNonNull(filters, "filters (SearchFilters.NONE for none)");
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("a search needs a query");
        }
        if (from < 0) {
            throw new IllegalArgumentException("from must be 0 or more, not " + from);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", not " + size);
        }
    }

    /** The first {@value #DEFAULT_SIZE} hits for {@code query}, unfiltered. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, 0, DEFAULT_SIZE, SearchFilters.NONE);
    }

    public SearchRequest page(int newFrom, int newSize) {
        return new SearchRequest(query, newFrom, newSize, filters);
    }

    public SearchRequest filteredBy(SearchFilters newFilters) {
        return new SearchRequest(query, from, size, newFilters);
    }

    /** The {@code params} of {@code POST <alias>/_search/template}, as documented in the README. */
    Map<String, Object> templateParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("from", from);
        params.put("size", size);
        params.putAll(filters.templateParams());
        return params;
    }
}
