package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.IndexItemResult.Status;
import io.docindexer.local.LocalOpenSearchExtension;
import io.docindexer.local.OpenSearchServer;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hits name their pages, and a file's pages live and die with the file, on the real server. */
@ExtendWith(LocalOpenSearchExtension.class)
class PageAwareSearchIT {

    private static final String BUCKET = "docs";

    @AutoClose
    private IsolatedIndex isolated;

    private OpenSearchDocumentIndex index;

    @BeforeEach
    void createIsolatedIndex(OpenSearchServer openSearch) {
        isolated = new IsolatedIndex(openSearch);
        index = isolated.index;
    }

    @Test
    void aHitNamesThePageTheWordsAreOnWithItsSnippet() {
        isolated.applyAll(List.of(upsert(Documents.paged(
                BUCKET,
                "reports/annual.pdf",
                "0A",
                "Contents and a foreword.",
                "The auditors signed the statement in March.",
                "Appendix: figures."))));

        assertThat(index.search(SearchRequest.of("auditors")).hits())
                .singleElement()
                .satisfies(hit -> {
                    assertThat(hit.key()).isEqualTo("reports/annual.pdf");
                    assertThat(hit.pages()).singleElement().satisfies(page -> {
                        assertThat(page.number()).isEqualTo(2);
                        assertThat(page.snippets()).singleElement().asString().contains("The <em>auditors</em> signed");
                    });
                    assertThat(hit.snippets())
                            .containsExactlyElementsOf(hit.pages().get(0).snippets());
                });
    }

    @Test
    void pagesComeBestFirstThePhraseBeforeTheWordsApartBeforeOneWordAlone() {
        isolated.applyAll(List.of(upsert(Documents.paged(
                BUCKET,
                "contracts/lease.pdf",
                "0A",
                "The tenant pays rent monthly.",
                "Deposit terms, and the rent is reviewed yearly; termination needs notice.",
                "Early termination of the lease is possible.",
                "Signatures."))));

        assertThat(index.search(SearchRequest.of("lease termination")).hits())
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.pages()).extracting(MatchingPage::number).containsExactly(3, 2));
    }

    @Test
    void aFileWhoseWordsAreOnDifferentPagesIsFoundAndNamesThePagesThatHaveThem() {
        isolated.applyAll(List.of(
                upsert(Documents.paged(BUCKET, "a.pdf", "0A", "alpha only", "nothing", "beta only")),
                upsert(Documents.paged(BUCKET, "b.pdf", "0A", "alpha only", "gamma"))));

        assertThat(index.search(SearchRequest.of("alpha beta")).hits())
                .singleElement()
                .satisfies(hit -> {
                    assertThat(hit.key()).isEqualTo("a.pdf");
                    assertThat(hit.pages()).extracting(MatchingPage::number).containsExactlyInAnyOrder(1, 3);
                });
    }

    @Test
    void aPhraseDoesNotSpanTheEndOfOnePageAndTheStartOfTheNext() {
        isolated.applyAll(List.of(
                upsert(Documents.paged(BUCKET, "split.pdf", "0A", "ends with quarterly", "revenue starts here")),
                upsert(Documents.paged(BUCKET, "whole.pdf", "0A", "nothing", "the quarterly revenue grew"))));

        assertThat(index.search(SearchRequest.of("quarterly revenue")).hits())
                .extracting(SearchHit::key)
                .containsExactly("whole.pdf", "split.pdf");
    }

    @Test
    void anOlderEventNeverBringsBackTheOlderPages() {
        isolated.applyAll(List.of(upsert(Documents.paged(BUCKET, "r.pdf", "0B", "newer cover", "newer body"))));

        List<IndexItemResult> late =
                index.apply(List.of(upsert(Documents.paged(BUCKET, "r.pdf", "0A", "older cover"))));
        index.refresh();

        assertThat(late).extracting(IndexItemResult::status).containsExactly(Status.STALE);
        assertThat(index.search(SearchRequest.of("older")).hits()).isEmpty();
        assertThat(index.search(SearchRequest.of("body")).hits())
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.pages()).extracting(MatchingPage::number).containsExactly(2));
    }

    @Test
    void aNewVersionWithFewerPagesLeavesNoneOfTheOldPagesBehind() {
        isolated.applyAll(
                List.of(upsert(Documents.paged(BUCKET, "r.pdf", "0A", "cover", "draft body", "draft annex"))));
        isolated.applyAll(List.of(upsert(Documents.paged(BUCKET, "r.pdf", "0B", "final cover"))));

        assertThat(index.search(SearchRequest.of("draft")).hits()).isEmpty();
        assertThat(index.search(SearchRequest.of("cover")).hits())
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.pages()).extracting(MatchingPage::number).containsExactly(1));
    }

    @Test
    void aDeleteTakesEveryPageWithTheFileAndALateOlderCreateBringsNoneBack() throws Exception {
        isolated.applyAll(
                List.of(upsert(Documents.paged(BUCKET, "gone.pdf", "0A", "first ephemeral", "second ephemeral"))));
        isolated.applyAll(List.of(new IndexOperation.Delete(BUCKET, "gone.pdf", "0C")));

        List<IndexItemResult> late =
                index.apply(List.of(upsert(Documents.paged(BUCKET, "gone.pdf", "0B", "late ephemeral"))));
        index.refresh();

        assertThat(late).extracting(IndexItemResult::status).containsExactly(Status.STALE);
        assertThat(index.search(SearchRequest.of("ephemeral")).hits()).isEmpty();
        String pagesInTheIndex = isolated.http.post(
                "/" + isolated.concreteIndex() + "/_search",
                "{\"query\": {\"nested\": {\"path\": \"pageTexts\", \"query\": {\"match_all\": {}}}}}");
        assertThat(pagesInTheIndex).as("any document with a page left").contains("\"total\":{\"value\":0,");
    }

    @Test
    void theSameEventDeliveredAgainReplacesThePagesWithTheSameOnes() throws Exception {
        IndexedDocument document = Documents.paged(BUCKET, "again.pdf", "0A", "repeated words", "more repeated words");
        isolated.applyAll(List.of(upsert(document)));
        isolated.applyAll(List.of(upsert(document)));

        assertThat(index.search(SearchRequest.of("repeated")).hits())
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.pages()).extracting(MatchingPage::number).containsExactlyInAnyOrder(1, 2));
        assertThat(isolated.http
                        .get("/_cat/indices/" + isolated.concreteIndex() + "?h=docs.count")
                        .strip())
                .as("Lucene documents: the file and its two pages, once")
                .isEqualTo("3");
    }

    @Test
    void japaneseOnAPageIsFoundByAPhraseAndNamesItsPage() {
        isolated.applyAll(List.of(upsert(
                Documents.paged(BUCKET, "legal/contract.pdf", "0A", "Cover page", "業務委託契約書\n株式会社サンプルは本契約を締結する。"))));

        assertThat(index.search(SearchRequest.of("株式会社サンプル")).hits())
                .singleElement()
                .satisfies(hit -> {
                    assertThat(hit.pages()).extracting(MatchingPage::number).containsExactly(2);
                    assertThat(hit.pages().get(0).snippets())
                            .singleElement()
                            .asString()
                            .contains("<em>");
                });
    }

    private static IndexOperation upsert(IndexedDocument document) {
        return new IndexOperation.Upsert(document);
    }
}
