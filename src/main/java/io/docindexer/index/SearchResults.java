package io.docindexer.index;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many files match in all, for paging (OpenSearch counts exactly up to 10,000 and
 *     says "at least" beyond; this is that lower bound)
 * @param hits the files of this page, best first
 */
public record SearchResults(long total, List<SearchHit> hits) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
