package io.docindexer.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The search the app calls: a mustache template stored in the cluster ({@code PUT _scripts/<id>})
 * and run with {@code POST <alias>/_search/template}, so that ranking changes ship with the
 * function rather than with every client. Its source is {@code search-template.mustache} beside
 * this class: all the words must match in one analysis of the file's pages (CJK bigrams, English,
 * Kuromoji where installed, through {@code pageTexts.text.*}) or in the file name; phrase matches
 * rank first, file-name matches next; the best pages come back as inner hits with a snippet each;
 * filters are optional sections.
 *
 * <p>The source is a string, not a JSON object, because its optional filters are mustache sections
 * that are not JSON until rendered; lists are written with {@code {{#toJson}}}. Its comments say
 * how the sections behave.
 */
final class SearchTemplate {

    private static final String SOURCE = load("search-template.mustache");

    private SearchTemplate() {}

    /** The body of {@code PUT _scripts/<id>}. */
    static String storedScriptJson() {
        try {
            return new ObjectMapper()
                    .writeValueAsString(Map.of("script", Map.of("lang", "mustache", "source", SOURCE)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the search template", e);
        }
    }

    private static String load(String resource) {
        try (InputStream in = SearchTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
