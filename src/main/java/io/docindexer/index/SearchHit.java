package io.docindexer.index;

import java.util.List;

/**
 * One search result.
 *
 * @param status {@code indexed}, or {@code metadata-only} for a file found by its name alone
 * @param snippets highlighted fragments of the content, HTML-escaped, with {@code <em>} around
 *     matches; empty when the match was on the key only
 */
public record SearchHit(String key, String fileName, String status, double score, List<String> snippets) {}
