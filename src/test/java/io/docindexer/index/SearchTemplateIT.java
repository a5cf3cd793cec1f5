package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.local.LocalOpenSearchExtension;
import io.docindexer.local.OpenSearchServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stored search template, as the app calls it, on the real server with Kuromoji. */
@ExtendWith(LocalOpenSearchExtension.class)
class SearchTemplateIT {

    private static final String BUCKET = "docs";
    private static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    private IsolatedIndex isolated;

    private OpenSearchDocumentIndex index;

    @BeforeEach
    void createIsolatedIndex(OpenSearchServer openSearch) {
        isolated = new IsolatedIndex(openSearch);
        index = isolated.index;
    }

    @Test
    void withoutFiltersTheTemplateRendersOnlyTheTombstoneFilterAndTheDefaultPage() throws Exception {
        JsonNode search = render(Map.of("query", "revenue"));

        assertThat(search.path("from").asInt()).isZero();
        assertThat(search.path("size").asInt()).isEqualTo(10);
        assertThat(search.at("/query/bool/filter")).hasSize(1);
        assertThat(search.at("/query/bool/must/multi_match/query").asText()).isEqualTo("revenue");
    }

    @Test
    void anEmptyListOrStringIsNoFilter() throws Exception {
        JsonNode search =
                render(Map.of("query", "revenue", "extensions", List.of(), "statuses", List.of(), "keyPrefix", ""));

        assertThat(search.at("/query/bool/filter")).hasSize(1);
    }

    @Test
    void everyFilterRendersOnceWithListsAsJsonArrays() throws Exception {
        Map<String, Object> params = SearchRequest.of("revenue")
                .page(20, 5)
                .filteredBy(SearchFilters.NONE
                        .withExtensions("pdf", "txt")
                        .withStatuses("indexed", "metadata-only")
                        .modifiedBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))
                        .withKeyPrefix("reports/"))
                .templateParams();

        JsonNode search = render(params);

        assertThat(search.path("from").asInt()).isEqualTo(20);
        assertThat(search.path("size").asInt()).isEqualTo(5);
        assertThat(search.at("/query/bool/filter").toString())
                .contains("{\"terms\":{\"extension\":[\"pdf\",\"txt\"]}}")
                .contains("{\"terms\":{\"status\":[\"indexed\",\"metadata-only\"]}}")
                .contains("{\"range\":{\"lastModified\":{\"gte\":\"2026-01-01\"}}}")
                .contains("{\"range\":{\"lastModified\":{\"lte\":\"2026-03-31\"}}}")
                .contains("{\"prefix\":{\"key\":\"reports/\"}}");
        assertThat(search.at("/query/bool/filter").valueStream().distinct()).hasSize(6);
    }

    @Test
    void quotesAndBackslashesInTheQueryStayInsideItsString() throws Exception {
        JsonNode search = render(Map.of("query", "say \"hi\\\" }, {"));

        assertThat(search.at("/query/bool/must/multi_match/query").asText()).isEqualTo("say \"hi\\\" }, {");
    }

    @Test
    void aPhraseRanksAboveTheSameWordsApart() {
        applyAll(
                document("notes/apart.txt", "Revenue was flat; the quarterly figures came late. Revenue, quarterly."),
                document("notes/phrase.txt", "The quarterly revenue grew by a tenth."));

        assertThat(index.search(SearchRequest.of("quarterly revenue")).hits())
                .extracting(SearchHit::key)
                .containsExactly("notes/phrase.txt", "notes/apart.txt");
    }

    @Test
    void aMatchInTheFileNameRanksAboveMatchesInTheTextAlone() {
        // On relevance alone the one-word text would win: its field is shorter than the key's.
        applyAll(
                document("notes/other.txt", "Budget."),
                document("notes/budget-2027.txt", "Figures for next year, see the file name."));

        assertThat(index.search(SearchRequest.of("budget")).hits())
                .extracting(SearchHit::key)
                .containsExactly("notes/budget-2027.txt", "notes/other.txt");
    }

    @Test
    void everyWordMustMatch() {
        applyAll(document("a.txt", "alpha beta"), document("b.txt", "alpha gamma"));

        assertThat(index.search(SearchRequest.of("alpha beta")).hits())
                .extracting(SearchHit::key)
                .containsExactly("a.txt");
    }

    @Test
    void aMetadataOnlyDocumentIsFoundByTheWordsOfItsNameWithTheReasonAndFactsItHas() {
        applyAll(metadataOnly("scans/invoice_march-2026.tif"), document("notes/march.txt", "nothing about bills"));

        assertThat(index.search(SearchRequest.of("invoice march")).hits())
                .singleElement()
                .satisfies(hit -> {
                    assertThat(hit.key()).isEqualTo("scans/invoice_march-2026.tif");
                    assertThat(hit.fileName()).isEqualTo("invoice_march-2026.tif");
                    assertThat(hit.status()).isEqualTo("metadata-only");
                    assertThat(hit.reason()).isEqualTo("unsupported");
                    assertThat(hit.extension()).isEqualTo("tif");
                    assertThat(hit.lastModified()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
                    assertThat(hit.snippets()).isEmpty();
                });
    }

    @Test
    void theExtensionFilterKeepsOnlyThoseExtensions() {
        applyAll(
                document("r/report.pdf", "pdf", "indexed", "2026-01-01T00:00:00Z", "annual figures"),
                document("r/report.txt", "txt", "indexed", "2026-01-01T00:00:00Z", "annual figures"),
                document("r/report.md", "md", "indexed", "2026-01-01T00:00:00Z", "annual figures"));

        assertThat(keys(SearchFilters.NONE.withExtensions("pdf", "md"), "annual"))
                .containsExactlyInAnyOrder("r/report.pdf", "r/report.md");
    }

    @Test
    void theStatusFilterKeepsOnlyThoseStatuses() {
        applyAll(document("annual.txt", "annual figures"), metadataOnly("scans/annual.tif"));

        assertThat(keys(SearchFilters.NONE.withStatuses("metadata-only"), "annual"))
                .containsExactly("scans/annual.tif");
        assertThat(keys(SearchFilters.NONE.withStatuses("indexed"), "annual")).containsExactly("annual.txt");
    }

    @Test
    void theDateRangeIncludesBothWholeDays() {
        applyAll(
                document("jan.txt", "txt", "indexed", "2026-01-31T23:59:00Z", "monthly figures"),
                document("feb.txt", "txt", "indexed", "2026-02-15T12:00:00Z", "monthly figures"),
                document("mar.txt", "txt", "indexed", "2026-03-01T00:00:00Z", "monthly figures"));

        assertThat(keys(
                        SearchFilters.NONE.modifiedBetween(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28)),
                        "monthly"))
                .containsExactlyInAnyOrder("jan.txt", "feb.txt");
        assertThat(keys(SearchFilters.NONE.modifiedBetween(LocalDate.of(2026, 2, 1), null), "monthly"))
                .containsExactlyInAnyOrder("feb.txt", "mar.txt");
    }

    @Test
    void theKeyPrefixFilterKeepsOnlyKeysThatStartWithIt() {
        applyAll(
                document("legal/2026/a.txt", "signed contract"),
                document("legal/2025/b.txt", "signed contract"),
                document("sales/legal/c.txt", "signed contract"));

        assertThat(keys(SearchFilters.NONE.withKeyPrefix("legal/"), "contract"))
                .containsExactlyInAnyOrder("legal/2026/a.txt", "legal/2025/b.txt");
    }

    @Test
    void pagesFollowOneAnotherWithoutRepeatsOrGaps() {
        applyAll(
                document("1.txt", "shared words"),
                document("2.txt", "shared words"),
                document("3.txt", "shared words"));

        List<String> first = index.search(SearchRequest.of("shared").page(0, 2)).hits().stream()
                .map(SearchHit::key)
                .toList();
        List<String> second = index.search(SearchRequest.of("shared").page(2, 2)).hits().stream()
                .map(SearchHit::key)
                .toList();

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(index.search(SearchRequest.of("shared").page(2, 2)).total()).isEqualTo(3);
        assertThat(first).doesNotContainAnyElementsOf(second);
    }

    @Test
    void japaneseIsFoundThroughKuromojiAndThroughBigramsWithTheMatchMarked() {
        applyAll(
                document("legal/signed.txt", "本契約は二〇二六年四月一日に締結しました。"),
                document("notes/product.txt", "新しいドキュメントインデクサーを導入しました。"));

        assertThat(index.search(SearchRequest.of("締結する")).hits())
                .singleElement()
                .satisfies(hit -> {
                    assertThat(hit.key()).isEqualTo("legal/signed.txt");
                    assertThat(hit.snippets()).singleElement().asString().contains("<em>締結</em>");
                });
        assertThat(index.search(SearchRequest.of("インデクサー")).hits())
                .singleElement()
                .satisfies(hit -> assertThat(hit.key()).isEqualTo("notes/product.txt"));
    }

    @Test
    void aTemplateThatDoesNotRenderToASearchIsReportedWithItsIdAndTheServersReason() throws Exception {
        // As a hand-edited or half-deployed template would be: the query param outside its quotes.
        isolated.http.put(
                "/_scripts/" + isolated.name + "-search",
                "{\"script\": {\"lang\": \"mustache\", \"source\":"
                        + " \"{\\\"query\\\": {\\\"match\\\": {\\\"content\\\": {{query}}}}}\"}}");

        assertThatThrownBy(() -> index.search(SearchRequest.of("two words")).hits())
                .isInstanceOf(SearchRejectedException.class)
                .hasMessageContaining(
                        "Search template " + isolated.name + "-search on " + isolated.name + " was rejected (400)");
    }

    @Test
    void aSearchTemplateThatIsNotStoredIsReportedAsRejected() throws Exception {
        isolated.http.delete("/_scripts/" + isolated.name + "-search");

        assertThatThrownBy(() -> index.search(SearchRequest.of("anything")).hits())
                .isInstanceOf(SearchRejectedException.class)
                .hasMessageContaining(isolated.name + "-search");
    }

    private List<String> keys(SearchFilters filters, String query) {
        return index.search(SearchRequest.of(query).filteredBy(filters)).hits().stream()
                .map(SearchHit::key)
                .toList();
    }

    private JsonNode render(Map<String, Object> params) throws Exception {
        String body = JSON.writeValueAsString(Map.of("id", isolated.name + "-search", "params", params));
        return JSON.readTree(isolated.http.post("/_render/template", body)).path("template_output");
    }

    private void applyAll(IndexedDocument... documents) {
        isolated.applyAll(Arrays.stream(documents)
                .<IndexOperation>map(IndexOperation.Upsert::new)
                .toList());
    }

    private static IndexedDocument document(String key, String content) {
        return document(key, "txt", "indexed", "2026-01-01T00:00:00Z", content);
    }

    private static IndexedDocument metadataOnly(String key) {
        return document(key, key.substring(key.lastIndexOf('.') + 1), "metadata-only", "2026-01-01T00:00:00Z", "");
    }

    private static IndexedDocument document(
            String key, String extension, String status, String lastModified, String content) {
        return Documents.of(BUCKET, key, "0A", extension, status, Instant.parse(lastModified), content);
    }
}
