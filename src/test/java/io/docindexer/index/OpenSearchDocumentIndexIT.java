package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.index.IndexItemResult.Status;
import io.docindexer.local.LocalOpenSearchExtension;
import io.docindexer.local.OpenSearchServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalOpenSearchExtension.class)
class OpenSearchDocumentIndexIT {

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
    void findsAnIndexedDocumentByAnEnglishWordInAnotherForm() {
        applyAll(upsert("reports/q1.txt", "0A", "The quarterly invoices were approved by finance."));

        List<SearchHit> hits = index.search("invoice", 10);

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.key()).isEqualTo("reports/q1.txt");
            assertThat(hit.fileName()).isEqualTo("q1.txt");
            assertThat(hit.snippets()).singleElement().asString().contains("<em>invoices</em>");
        });
    }

    @Test
    void findsJapaneseContentByAWordInsideASentence() {
        applyAll(upsert("legal/contract.txt", "0A", "東京都の契約書"), upsert("legal/other.txt", "0A", "大阪の請求書"));

        assertThat(index.search("契約書", 10)).extracting(SearchHit::key).containsExactly("legal/contract.txt");
    }

    @Test
    void theLocalServerAnalysesJapaneseWithKuromojiAsAmazonOpenSearchServiceDoes() throws Exception {
        assertThat(isolated.http.get("/" + isolated.concreteIndex() + "/_mapping"))
                .contains("\"analyzer\":\"kuromoji\"");
    }

    @Test
    void aVerbInItsDictionaryFormFindsTheTextThatConjugatesIt() throws Exception {
        // Only Kuromoji's base forms join 締結する and 締結しました: the bigram field needs
        // 結す and する, which the text does not have.
        applyAll(
                upsert("legal/signed.txt", "0A", "本契約は二〇二六年四月一日に締結しました。"),
                upsert("legal/draft.txt", "0A", "契約の草案を作成中です。"));

        assertThat(index.search("締結する", 10)).extracting(SearchHit::key).containsExactly("legal/signed.txt");
        assertThat(isolated.http.post(
                        "/" + isolated.name + "/_search",
                        "{\"query\": {\"match\": {\"content\": " + "{\"query\": \"締結する\", \"operator\": \"and\"}}}}"))
                .as("the bigram field alone")
                .contains("\"total\":{\"value\":0,");
    }

    @Test
    void aWordFindsTheCompoundsItIsPartOf() {
        applyAll(upsert("legal/contract.txt", "0A", "業務委託契約書を添付します。"), upsert("legal/invoice.txt", "0A", "請求書を添付します。"));

        assertThat(index.search("契約", 10)).extracting(SearchHit::key).containsExactly("legal/contract.txt");
    }

    @Test
    void theBigramFieldFindsWhatTheDictionaryKeepsInOnePiece() {
        // A katakana product name is one unknown word to Kuromoji; its bigrams still match its tail.
        applyAll(upsert("notes/product.txt", "0A", "新しいドキュメントインデクサーを導入しました。"));

        assertThat(index.search("インデクサー", 10)).extracting(SearchHit::key).containsExactly("notes/product.txt");
    }

    @Test
    void findsAFileByAWordOfItsName() {
        applyAll(upsert("archive/annual_report-2026.pdf", "0A", "no matching words here"));

        assertThat(index.search("annual", 10))
                .extracting(SearchHit::key)
                .containsExactly("archive/annual_report-2026.pdf");
    }

    @Test
    void anOlderEventDoesNotOverwriteANewerOne() {
        applyAll(upsert("a.txt", "0055AED6DCD90281E6", "newer text"));

        List<IndexItemResult> results = index.apply(List.of(upsert("a.txt", "0055AED6DCD90281E5", "older text")));
        index.refresh();

        assertThat(results).extracting(IndexItemResult::status).containsExactly(Status.STALE);
        assertThat(index.search("older", 10)).isEmpty();
        assertThat(index.search("newer", 10)).hasSize(1);
    }

    @Test
    void aLateOlderCreateDoesNotResurrectADeletedObject() throws Exception {
        applyAll(upsert("gone.txt", "0A", "ephemeral words"));
        applyAll(new IndexOperation.Delete(BUCKET, "gone.txt", "0C"));

        List<IndexItemResult> late = index.apply(List.of(upsert("gone.txt", "0B", "ephemeral words")));
        index.refresh();

        assertThat(late).extracting(IndexItemResult::status).containsExactly(Status.STALE);
        assertThat(index.search("ephemeral", 10)).isEmpty();
        assertThat(index.search("gone", 10)).isEmpty();
        String tombstone =
                isolated.http.get("/" + isolated.concreteIndex() + "/_doc/" + DocumentId.of(BUCKET, "gone.txt"));
        assertThat(tombstone)
                .contains("\"deleted\":true")
                .contains(Sequencer.normalise("0C"))
                .doesNotContain("ephemeral");
    }

    @Test
    void aNewerCreateAfterADeleteBringsTheObjectBack() {
        applyAll(upsert("back.txt", "0A", "first life"));
        applyAll(new IndexOperation.Delete(BUCKET, "back.txt", "0B"));
        applyAll(upsert("back.txt", "0C", "second life"));

        assertThat(index.search("life", 10))
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.snippets()).singleElement().asString().contains("second"));
    }

    @Test
    void applyingTheSameOperationTwiceLeavesOneDocument() {
        IndexOperation upsert = upsert("twice.txt", "0A", "repeated delivery");

        List<IndexItemResult> first = index.apply(List.of(upsert));
        List<IndexItemResult> second = index.apply(List.of(upsert));
        index.refresh();

        assertThat(first).extracting(IndexItemResult::status).containsExactly(Status.APPLIED);
        assertThat(second).extracting(IndexItemResult::status).containsExactly(Status.APPLIED);
        assertThat(index.search("repeated", 10)).hasSize(1);
    }

    @Test
    void aPageRangeJoinsThePartialDocumentOfItsEventInPageOrderAndIsFoundByItsPage() throws Exception {
        applyAll(new IndexOperation.Upsert(Documents.partial(BUCKET, "scan.pdf", "0A", "cover letter")));

        List<IndexItemResult> results = index.apply(List.of(new IndexOperation.PageRangeWrite(
                BUCKET,
                "scan.pdf",
                "0A",
                List.of(new PageText(3, "walrus delivery", true), new PageText(2, "falcon", true)))));
        index.refresh();

        assertThat(results).extracting(IndexItemResult::status).containsExactly(Status.APPLIED);
        JsonNode stored = storedSource("scan.pdf");
        assertThat(stored.path("pageTexts").findValuesAsText("number")).containsExactly("1", "2", "3");
        assertThat(stored.path("ocrPages").asInt()).isEqualTo(2);
        assertThat(stored.path("status").asText()).isEqualTo("partial");
        assertThat(index.search("walrus", 10))
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.pages()).extracting(MatchingPage::number).containsExactly(3));
    }

    @Test
    void aPageRangeChangesNothingOnceItsEventIsNoLongerTheStoredPartialOne() throws Exception {
        applyAll(
                new IndexOperation.Upsert(Documents.partial(BUCKET, "replaced.pdf", "0A")),
                upsert("replaced.pdf", "0B", "new version"));
        applyAll(
                new IndexOperation.Upsert(Documents.partial(BUCKET, "deleted.pdf", "0A")),
                new IndexOperation.Delete(BUCKET, "deleted.pdf", "0B"));
        applyAll(new IndexOperation.Upsert(Documents.partial(BUCKET, "complete.pdf", "0A")));
        applyAll(new IndexOperation.Upsert(Documents.paged(BUCKET, "complete.pdf", "0A", "complete reading")));

        List<IndexItemResult> results =
                index.apply(Stream.of("replaced.pdf", "deleted.pdf", "complete.pdf", "never-written.pdf")
                        .<IndexOperation>map(key -> new IndexOperation.PageRangeWrite(
                                BUCKET, key, "0A", List.of(new PageText(1, "walrus", true))))
                        .toList());
        index.refresh();

        assertThat(results).extracting(IndexItemResult::status).containsOnly(Status.STALE);
        assertThat(index.search("walrus", 10)).isEmpty();
        assertThat(index.search("complete reading", 10)).hasSize(1);
        String neverWritten = isolated.http.post(
                "/" + isolated.concreteIndex() + "/_count",
                "{\"query\":{\"ids\":{\"values\":[\"" + DocumentId.of(BUCKET, "never-written.pdf") + "\"]}}}");
        assertThat(neverWritten).as("no document made for a key never written").contains("\"count\":0");
    }

    @Test
    void aPartialDocumentDeliveredAgainLeavesTheCompleteOneOfTheSameEventInPlace() {
        applyAll(new IndexOperation.Upsert(Documents.paged(BUCKET, "again.pdf", "0A", "walrus on every page")));

        List<IndexItemResult> again =
                index.apply(List.of(new IndexOperation.Upsert(Documents.partial(BUCKET, "again.pdf", "0A"))));
        index.refresh();

        // Applied, not stale: a stale write's clean-up would delete the thumbnail both name.
        assertThat(again).extracting(IndexItemResult::status).containsExactly(Status.APPLIED);
        assertThat(index.search("walrus", 10))
                .singleElement()
                .satisfies(hit -> assertThat(hit.status()).isEqualTo("indexed"));
    }

    @Test
    void oneBadItemFailsAloneAndTheOthersAreApplied() {
        IndexedDocument good = Documents.indexed(BUCKET, "good.txt", "0A", "good words");
        // Lucene cannot index a keyword term over 32766 bytes: a permanent, per-document rejection.
        IndexedDocument bad = new IndexedDocument(
                BUCKET,
                "bad.txt",
                null,
                null,
                "0A",
                1,
                "text/plain",
                "txt",
                "metadata-only",
                "x".repeat(40_000),
                0,
                0,
                false,
                null,
                List.of(),
                null,
                Map.of(),
                List.of(),
                null,
                Map.of(),
                null,
                null);
        IndexedDocument alsoGood = Documents.indexed(BUCKET, "also-good.txt", "0A", "good words too");

        List<IndexItemResult> results = index.apply(List.of(
                new IndexOperation.Upsert(good), new IndexOperation.Upsert(bad), new IndexOperation.Upsert(alsoGood)));
        index.refresh();

        assertThat(results)
                .extracting(IndexItemResult::status)
                .containsExactly(Status.APPLIED, Status.FAILED, Status.APPLIED);
        assertThat(results.get(1).detail()).startsWith("400 ").contains("immense term");
        assertThat(index.search("good", 10)).hasSize(2);
    }

    @Test
    void preparingTheIndexFromManyContainersAtOnceIsSafe() throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> runs = List.of(1, 2, 3, 4).stream()
                    .map(n -> CompletableFuture.runAsync(index::ensureIndexTemplate, starters))
                    .toList();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
        } finally {
            starters.shutdown();
        }

        applyAll(upsert("still-works.txt", "0A", "concurrent init"));
        assertThat(index.search("concurrent", 10)).hasSize(1);
    }

    @Test
    void aContainersEntriesAreDocumentsThatNameIt() {
        applyAll(container("a.zip", "0A", "one.txt", "amber comet", "two.txt", "violet harbour"));

        assertThat(index.search("amber comet", 10)).singleElement().satisfies(hit -> {
            assertThat(hit.key()).isEqualTo("a.zip!/one.txt");
            assertThat(hit.fileName()).isEqualTo("one.txt");
            assertThat(hit.container()).isEqualTo("a.zip");
            assertThat(hit.entryPath()).isEqualTo("one.txt");
        });
    }

    @Test
    void aNewVersionOfAContainerTombstonesTheEntriesItNoLongerHas() throws Exception {
        applyAll(container("a.zip", "0A", "one.txt", "amber comet", "two.txt", "violet harbour"));
        applyAll(container("a.zip", "0B", "one.txt", "amber comet again"));

        assertThat(index.search("violet harbour", 10)).isEmpty();
        assertThat(index.search("amber comet", 10)).extracting(SearchHit::key).containsExactly("a.zip!/one.txt");
        assertThat(isolated.http.get(
                        "/" + isolated.concreteIndex() + "/_doc/" + DocumentId.of(BUCKET, "a.zip!/two.txt")))
                .contains("\"deleted\":true")
                .contains(Sequencer.normalise("0B"));
    }

    @Test
    void aLateOlderVersionOfAContainerBringsBackNoneOfItsEntries() {
        applyAll(container("a.zip", "0B", "one.txt", "amber comet"));

        List<IndexItemResult> late = index.apply(List.of(container("a.zip", "0A", "two.txt", "violet harbour")));
        index.refresh();

        assertThat(late).extracting(IndexItemResult::status).containsExactly(Status.STALE);
        assertThat(index.search("violet harbour", 10)).isEmpty();
        assertThat(index.search("amber comet", 10)).hasSize(1);
    }

    @Test
    void deletingAContainerRemovesEveryEntryAndAnOlderVersionStaysRemoved() {
        applyAll(container("a.zip", "0A", "one.txt", "amber comet", "two.txt", "violet harbour"));
        applyAll(new IndexOperation.Delete(BUCKET, "a.zip", "0C"));

        assertThat(index.search("amber comet", 10)).isEmpty();
        assertThat(index.search("violet harbour", 10)).isEmpty();

        index.apply(List.of(container("a.zip", "0B", "one.txt", "amber comet")));
        index.refresh();
        assertThat(index.search("amber comet", 10)).isEmpty();
    }

    /** A container whose entries are given as path, text, path, text... */
    private static IndexOperation container(String key, String sequencer, String... entries) {
        List<IndexOperation.Entry> written = new java.util.ArrayList<>();
        for (int i = 0; i < entries.length; i += 2) {
            written.add(new IndexOperation.Entry(
                    entries[i], Documents.indexed(BUCKET, key + "!/" + entries[i], sequencer, entries[i + 1])));
        }
        return new IndexOperation.Upsert(Documents.indexed(BUCKET, key, sequencer, "listing"), written);
    }

    private JsonNode storedSource(String key) throws Exception {
        return new ObjectMapper()
                .readTree(isolated.http.get("/" + isolated.concreteIndex() + "/_doc/" + DocumentId.of(BUCKET, key)))
                .path("_source");
    }

    private void applyAll(IndexOperation... operations) {
        isolated.applyAll(List.of(operations));
    }

    private static IndexOperation upsert(String key, String sequencer, String content) {
        return new IndexOperation.Upsert(Documents.indexed(BUCKET, key, sequencer, content));
    }
}
