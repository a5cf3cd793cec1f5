package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docindexer.index.SearchFilters;
import io.docindexer.index.SearchRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchArgumentsTest {

    @Test
    void aQueryAloneIsTheFirstPageUnfiltered() {
        assertThat(SearchArguments.parse(List.of("quarterly revenue")))
                .isEqualTo(SearchRequest.of("quarterly revenue"));
    }

    @Test
    void wordsOutsideQuotesMakeOneQuery() {
        assertThat(SearchArguments.parse(List.of("quarterly", "revenue")).query())
                .isEqualTo("quarterly revenue");
    }

    @Test
    void everyOptionBecomesAFilterOrThePageSize() {
        SearchRequest request = SearchArguments.parse(List.of(
                "契約書", "--ext", "pdf", "--ext", ".TXT", "--status", "indexed", "--prefix", "legal/", "--size", "5"));

        assertThat(request)
                .isEqualTo(SearchRequest.of("契約書")
                        .page(0, 5)
                        .filteredBy(SearchFilters.NONE
                                .withExtensions("pdf", "txt")
                                .withStatuses("indexed")
                                .withKeyPrefix("legal/")));
    }

    @Test
    void aMissingQueryOrValueOrAnUnknownOptionIsAUsageError() {
        assertThatThrownBy(() -> SearchArguments.parse(List.of("--ext", "pdf")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("search needs a query");
        assertThatThrownBy(() -> SearchArguments.parse(List.of("revenue", "--size")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--size needs a value");
        assertThatThrownBy(() -> SearchArguments.parse(List.of("revenue", "--sort", "date")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown option --sort");
    }

    @Test
    void aValueTheSearchCannotTakeIsAUsageErrorThatSaysWhy() {
        assertThatThrownBy(() -> SearchArguments.parse(List.of("revenue", "--size", "ten")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--size needs a number, not 'ten'");
        assertThatThrownBy(() -> SearchArguments.parse(List.of("revenue", "--size", "1000")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("size must be 1 to 100, not 1000");
        assertThatThrownBy(() -> SearchArguments.parse(List.of("revenue", "--status", "done")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown status 'done'");
    }
}
