package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    @Test
    void aPlainQuerySendsOnlyTheQueryAndThePage() {
        assertThat(SearchRequest.of("revenue").templateParams())
                .containsExactly(Map.entry("query", "revenue"), Map.entry("from", 0), Map.entry("size", 10));
    }

    @Test
    void everyFilterSetBecomesAParamAsTheTemplateNamesIt() {
        SearchFilters filters = SearchFilters.NONE
                .withExtensions("PDF", "txt")
                .withStatuses("metadata-only")
                .modifiedBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))
                .withKeyPrefix("reports/");

        Map<String, Object> params =
                SearchRequest.of("revenue").page(20, 5).filteredBy(filters).templateParams();

        assertThat(params)
                .containsExactly(
                        Map.entry("query", "revenue"),
                        Map.entry("from", 20),
                        Map.entry("size", 5),
                        Map.entry("extensions", List.of("pdf", "txt")),
                        Map.entry("statuses", List.of("metadata-only")),
                        Map.entry("modifiedFrom", "2026-01-01"),
                        Map.entry("modifiedTo", "2026-03-31"),
                        Map.entry("keyPrefix", "reports/"));
    }

    @Test
    void oneOpenEndedDateBoundLeavesTheOtherOut() {
        SearchFilters since = SearchFilters.NONE.modifiedBetween(LocalDate.of(2026, 1, 1), null);

        assertThat(since.templateParams()).containsOnlyKeys("modifiedFrom");
    }

    @Test
    void anEmptyKeyPrefixIsNoFilter() {
        assertThat(SearchFilters.NONE.withKeyPrefix("")).isEqualTo(SearchFilters.NONE);
    }

    @Test
    void aBlankQueryOrAPageOutOfRangeIsRefused() {
        assertThatThrownBy(() -> SearchRequest.of(" ")).hasMessage("a search needs a query");
        assertThatThrownBy(() -> SearchRequest.of("x").page(-1, 10)).hasMessage("from must be 0 or more, not -1");
        assertThatThrownBy(() -> SearchRequest.of("x").page(0, 0)).hasMessage("size must be 1 to 100, not 0");
        assertThatThrownBy(() -> SearchRequest.of("x").page(0, 101)).hasMessage("size must be 1 to 100, not 101");
    }

    @Test
    void anUnknownStatusOrABackwardDateRangeIsRefusedWithEveryProblem() {
        assertThatThrownBy(() -> new SearchFilters(
                        List.of(), List.of("done"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), null))
                .hasMessageContaining("unknown status 'done'")
                .hasMessageContaining("modifiedFrom 2026-02-01 is after modifiedTo 2026-01-01");
    }
}
