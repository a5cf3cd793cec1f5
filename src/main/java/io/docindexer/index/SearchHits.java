package io.docindexer.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.InnerHitsResult;

/** Reads a hit of the stored search template: the file's fields, its score, and its matching pages. */
final class SearchHits {

    /** The name the template gives the nested query's inner hits. */
    private static final String PAGES = "pages";

    private static final String PAGE_NUMBER = "pageTexts.number";
    private static final List<String> PAGE_SNIPPET_FIELDS =
            List.of("pageTexts.text.ja", "pageTexts.text", "pageTexts.text.en");
    private static final List<String> CONTENT_SNIPPET_FIELDS = List.of("content.ja", "content", "content.en");

    private SearchHits() {}

    static SearchHit of(Hit<StoredFields> hit) {
        List<MatchingPage> pages = pages(hit.innerHits().get(PAGES));
        List<String> snippets = pages.isEmpty()
                ? firstMarked(hit.highlight(), CONTENT_SNIPPET_FIELDS)
                : pages.stream().flatMap(page -> page.snippets().stream()).toList();
        StoredFields file = hit.source();
        return new SearchHit(
                file.key(),
                file.fileName(),
                file.extension() == null ? "" : file.extension(),
                file.size(),
                file.lastModified() == null ? null : Instant.parse(file.lastModified()),
                file.status(),
                file.reason(),
                hit.score() == null ? 0 : hit.score(),
                snippets,
                pages,
                file.thumbnailKey(),
                file.container(),
                file.entryPath());
    }

    private static List<MatchingPage> pages(InnerHitsResult innerHits) {
        if (innerHits == null) {
            return List.of();
        }
        return innerHits.hits().hits().stream()
                .map(page -> new MatchingPage(number(page), firstMarked(page.highlight(), PAGE_SNIPPET_FIELDS)))
                .toList();
    }

    /** The page number, from the doc values the template asks for (the page's source is not loaded). */
    private static int number(Hit<JsonData> page) {
        JsonData values = page.fields().get(PAGE_NUMBER);
        if (values == null) {
            throw new IllegalStateException("a page hit without " + PAGE_NUMBER + ": is the search template current?");
        }
        return values.toJson().asJsonArray().getJsonNumber(0).intValue();
    }

    /**
     * The fragments of the first analysis that marked anything: words (Kuromoji) read best, then
     * CJK bigrams; the English field last, because it splits Japanese into single characters and
     * marks each wherever it occurs.
     */
    private static List<String> firstMarked(Map<String, List<String>> highlight, List<String> fields) {
        return fields.stream()
                .map(field -> highlight.getOrDefault(field, List.of()))
                .filter(fragments -> !fragments.isEmpty())
                .findFirst()
                .orElse(List.of());
    }

    /** The source fields of the search template's response that a hit names; the app reads the others. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredFields(
            String key,
            String fileName,
            String extension,
            long size,
            String lastModified,
            String status,
            String reason,
            String thumbnailKey,
            String container,
            String entryPath) {}
}
