package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.index.IndexItemResult.Status;
import io.docindexer.local.LocalOpenSearchExtension;
import io.docindexer.local.OpenSearchServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The way from index version 1 (one {@code content} field, the alias in the index template) to
 * version 2 (pages), with the requests the README's "A new index version" tells the operator to
 * send, on the real server.
 */
@ExtendWith(LocalOpenSearchExtension.class)
class IndexVersionIT {

    private static final String BUCKET = "docs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String v1 = name + "-v1";
    private final String v2 = name + "-v2";
    private OpenSearchHttp http;
    private OpenSearchDocumentIndex index;

    @BeforeEach
    void leaveAVersionOneIndexAsThePreviousReleaseDid(OpenSearchServer openSearch) throws Exception {
        http = new OpenSearchHttp(openSearch.endpoint());
        http.put("/_index_template/" + name, versionOneTemplate());
        writeVersionOne("old.txt", "0A", false, "legacy words from before the upgrade");
        writeVersionOne("both.txt", "0A", false, "stale words");
        writeVersionOne("deleted.txt", "0C", true, null);
        http.post("/" + v1 + "/_refresh", "{}");
        index = OpenSearchDocumentIndex.connect(openSearch.endpoint(), "es", name);
    }

    @AfterEach
    void closeClient() throws IOException {
        index.close();
    }

    @Test
    void theNewVersionLeavesTheAliasOnTheOldOneSoNoFileIsFoundTwiceAndWritesGoToTheNewOne() throws Exception {
        index.prepare();
        index.apply(List.of(upsert(Documents.paged(BUCKET, "new.pdf", "0A", "cover", "fresh legacy page"))));
        index.refresh();

        assertThat(indicesWithTheAlias()).containsExactly(v1);
        assertThat(index.search(SearchRequest.of("legacy")).hits())
                .as("the old version answers alone until the alias moves")
                .extracting(SearchHit::key)
                .containsExactly("old.txt");
        assertThat(http.get("/_cat/indices/" + v2 + "?h=docs.count").strip())
                .as("the new file's document and its two pages, in the new version")
                .isEqualTo("3");
    }

    @Test
    void afterTheReindexAndTheAliasMoveEveryFileIsFoundOnceAndNewerWritesWin() throws Exception {
        index.prepare();
        index.apply(List.of(
                upsert(Documents.paged(BUCKET, "both.txt", "0B", "fresh words")),
                upsert(Documents.paged(BUCKET, "new.pdf", "0A", "cover", "fresh legacy page"))));

        reindexAndMoveTheAlias();

        assertThat(indicesWithTheAlias()).containsExactly(v2);
        assertThat(index.search(SearchRequest.of("legacy")).hits())
                .extracting(SearchHit::key)
                .containsExactlyInAnyOrder("old.txt", "new.pdf");
        assertThat(index.search(SearchRequest.of("stale")).hits())
                .as("the copy never replaces a newer write")
                .isEmpty();
        assertThat(index.search(SearchRequest.of("deleted")).hits()).isEmpty();
        assertThat(index.apply(List.of(upsert(Documents.indexed(BUCKET, "deleted.txt", "0B", "late")))))
                .as("the tombstone came along and still orders late events")
                .extracting(IndexItemResult::status)
                .containsExactly(Status.STALE);
    }

    @Test
    void aReindexedFileIsFoundByItsTextWithoutPagesUntilItsEventIsSentAgain() throws Exception {
        index.prepare();
        reindexAndMoveTheAlias();

        assertThat(index.search(SearchRequest.of("legacy")).hits())
                .singleElement()
                .satisfies(hit -> {
                    assertThat(hit.pages()).isEmpty();
                    assertThat(hit.snippets()).singleElement().asString().contains("<em>legacy</em>");
                });

        assertThat(keysWithoutPages()).containsExactlyInAnyOrder("old.txt", "both.txt");

        // The same event again (equal sequencer): re-applied, now with pages.
        assertThat(index.apply(List.of(
                        upsert(Documents.paged(BUCKET, "old.txt", "0A", "legacy words from before the upgrade")))))
                .extracting(IndexItemResult::status)
                .containsExactly(Status.APPLIED);
        index.refresh();

        assertThat(index.search(SearchRequest.of("legacy")).hits())
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.pages()).extracting(MatchingPage::number).containsExactly(1));
        assertThat(keysWithoutPages()).containsExactly("both.txt");
    }

    /** The search of README's step 4: the indexed files still without pages, whose events to send again. */
    private List<String> keysWithoutPages() throws Exception {
        String found = http.post("/" + v2 + "/_search?size=10000", """
                {"_source": ["bucket", "key", "size", "eTag", "versionId", "sequencer"],
                  "query": {"bool": {"filter": {"term": {"status": "indexed"}}, "must_not": [{"term": {"deleted": true}},
                    {"nested": {"path": "pageTexts", "query": {"match_all": {}}}}]}}}
                """);
        return JSON.readTree(found).path("hits").path("hits").findValuesAsText("key");
    }

    /** The operator's two requests, as the README gives them. */
    private void reindexAndMoveTheAlias() throws Exception {
        String reindexed = http.post("/_reindex?refresh=true", """
                {"conflicts": "proceed", "source": {"index": "%s"}, "dest": {"index": "%s", "op_type": "create"}}
                """.formatted(v1, v2));
        assertThat(reindexed).contains("\"failures\":[]");
        http.post("/_aliases", """
                {"actions": [
                  {"remove": {"index": "%1$s", "alias": "%3$s"}},
                  {"add": {"index": "%2$s", "alias": "%3$s",
                           "filter": {"bool": {"must_not": {"term": {"deleted": true}}}}}}
                ]}
                """.formatted(v1, v2, name));
    }

    private List<String> indicesWithTheAlias() throws Exception {
        List<String> indices = new ArrayList<>();
        JSON.readTree(http.get("/_alias/" + name)).fieldNames().forEachRemaining(indices::add);
        return indices;
    }

    private String versionOneTemplate() throws IOException {
        try (var in = IndexVersionIT.class.getResourceAsStream("/index/v1-index-template.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("NAME", name);
        }
    }

    /** A document as version 1 stored it: the whole text in {@code content}, no pages. */
    private void writeVersionOne(String key, String sequencer, boolean deleted, String content) throws Exception {
        Map<String, Object> source = new HashMap<>();
        source.put("bucket", BUCKET);
        source.put("key", key);
        source.put("fileName", key);
        source.put("sequencer", Sequencer.normalise(sequencer));
        source.put("deleted", deleted);
        if (!deleted) {
            source.put("status", "indexed");
            source.put("extension", "txt");
            source.put("content", content);
        }
        http.put("/" + v1 + "/_doc/" + DocumentId.of(BUCKET, key), JSON.writeValueAsString(source));
    }

    private static IndexOperation upsert(IndexedDocument document) {
        return new IndexOperation.Upsert(document);
    }
}
