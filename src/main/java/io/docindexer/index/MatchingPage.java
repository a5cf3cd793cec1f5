package io.docindexer.index;

import java.util.List;

/**
 * A page of a hit on which the query matched.
 *
 * @param number 1-based
 * @param snippets highlighted fragments of the page, HTML-escaped, with {@code <em>} around matches
 */
public record MatchingPage(int number, List<String> snippets) {}
