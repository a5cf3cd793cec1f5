package io.docindexer.index;

/**
 * One search result.
 *
 * @param snippet a highlighted fragment of the content ({@code <em>} around matches), or null when
 *     the match was on the key only
 */
public record SearchHit(String key, String fileName, double score, String snippet) {}
