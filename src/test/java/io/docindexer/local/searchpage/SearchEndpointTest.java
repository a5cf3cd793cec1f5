package io.docindexer.local.searchpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docindexer.index.SearchFilters;
import io.docindexer.index.SearchRequest;
import org.junit.jupiter.api.Test;

class SearchEndpointTest {

    @Test
    void theAddressParametersBecomeTheTemplatesRequest() {
        SearchRequest request = request("q=%E5%A5%91%E7%B4%84+draft&ext=pdf&ext=TXT&status=indexed"
                + "&prefix=contracts%2F2026+Q1%2B%25&from=20&size=5");

        assertThat(request)
                .isEqualTo(SearchRequest.of("契約 draft")
                        .page(20, 5)
                        .filteredBy(SearchFilters.NONE
                                .withExtensions("pdf", "txt")
                                .withStatuses("indexed")
                                .withKeyPrefix("contracts/2026 Q1+%")));
    }

    @Test
    void emptyParametersAreLeftOut() {
        assertThat(request("q=revenue&ext=&status=&prefix=&from=")).isEqualTo(SearchRequest.of("revenue"));
    }

    @Test
    void aSearchWithoutWordsSaysHowToGiveThem() {
        assertThatThrownBy(() -> request("ext=pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a search needs words: add ?q=WORDS");
        assertThatThrownBy(() -> request(null)).hasMessage("a search needs words: add ?q=WORDS");
    }

    @Test
    void aBadNumberOrStatusIsRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> request("q=x&from=two")).hasMessage("from must be a whole number, not 'two'");
        assertThatThrownBy(() -> request("q=x&size=500")).hasMessageContaining("size must be 1 to 100, not 500");
        assertThatThrownBy(() -> request("q=x&status=deleted")).hasMessageContaining("unknown status 'deleted'");
    }

    @Test
    void anIncompleteEscapeIsRefusedNotGuessed() {
        assertThatThrownBy(() -> request("q=100%")).isInstanceOf(IllegalArgumentException.class);
    }

    private static SearchRequest request(String rawQuery) {
        return SearchEndpoint.request(QueryParameters.parse(rawQuery));
    }
}
