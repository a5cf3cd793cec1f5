package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docindexer.index.IndexItemResult.Status;
import io.docindexer.local.LocalOpenSearchExtension;
import io.docindexer.local.OpenSearchServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How the real server pushes back on writes, and what each push means for a record: the cluster's
 * own trouble is UNAVAILABLE (the batch backs off), a document the mapping refuses is FAILED (its
 * record goes to the DLQ at once). The write thread pool's queue cannot be shrunk on this shared
 * server ({@code thread_pool.write.queue_size} is a static node setting): {@link
 * WriteQueueRejectionIT} starts a node of its own for that.
 */
@ExtendWith(LocalOpenSearchExtension.class)
class OpenSearchPushbackIT {

    private static final Instant MODIFIED = Instant.parse("2026-01-01T00:00:00Z");

    @AutoClose
    private IsolatedIndex isolated;

    @BeforeEach
    void createIsolatedIndex(OpenSearchServer openSearch) {
        isolated = new IsolatedIndex(openSearch);
    }

    @Test
    void anIndexMadeReadOnlyByTheDiskFloodStageWatermarkIsUnavailableUntilTheBlockIsLifted() throws Exception {
        setIndex("\"index.blocks.read_only_allow_delete\": true");
        try {
            IndexItemResult blocked = write("a.txt");

            assertThat(blocked.status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(blocked.detail())
                    .startsWith("429 cluster_block_exception")
                    .contains("read-only-allow-delete");
        } finally {
            setIndex("\"index.blocks.read_only_allow_delete\": null");
        }
        assertThat(write("a.txt").status()).isEqualTo(Status.APPLIED);
    }

    @Test
    void anIndexBlockedForWritesIsUnavailableNotABadDocument() throws Exception {
        setIndex("\"index.blocks.write\": true");
        try {
            IndexItemResult blocked = write("b.txt");

            assertThat(blocked.status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(blocked.detail()).startsWith("403 cluster_block_exception");
        } finally {
            setIndex("\"index.blocks.write\": null");
        }
    }

    @Test
    void aTrippedCircuitBreakerRefusesTheWholeBulkRequestAsUnavailable() throws Exception {
        // The in-flight requests breaker is a dynamic cluster setting; at one byte it trips on every
        // request with a body. Updating cluster settings never trips it, so it can be lifted again.
        setBreaker("\"1b\"");
        try {
            assertThatThrownBy(() -> write("c.txt"))
                    .isInstanceOf(IndexUnavailableException.class)
                    .hasMessageContaining("429 Too Many Requests")
                    .hasMessageContaining("circuit_breaking_exception");
        } finally {
            setBreaker("null");
        }
        assertThat(write("c.txt").status()).isEqualTo(Status.APPLIED);
    }

    @Test
    void aDocumentTheMappingCannotTakeFailsForGoodWithTheServersReason() {
        IndexedDocument document = Documents.indexed("docs", "d.pdf", "0A", "text");
        IndexedDocument badDate = new IndexedDocument(
                document.bucket(),
                document.key(),
                document.versionId(),
                document.eTag(),
                document.sequencer(),
                document.size(),
                document.contentType(),
                document.extension(),
                document.status(),
                document.reason(),
                document.pages(),
                document.ocrPages(),
                document.ocr(),
                document.content(),
                document.pageTexts(),
                document.lastModified(),
                Map.of("created", "the fifth of May"),
                document.languages(),
                document.sha256(),
                document.userMetadata(),
                document.indexedAt(),
                document.thumbnailKey());

        IndexItemResult rejected = isolated.index
                .apply(List.of(new IndexOperation.Upsert(badDate)))
                .get(0);

        assertThat(rejected.status()).isEqualTo(Status.FAILED);
        assertThat(rejected.detail()).startsWith("400 mapper_parsing_exception").contains("metadata.created");
    }

    private IndexItemResult write(String key) {
        return isolated.index
                .apply(List.of(new IndexOperation.Upsert(
                        Documents.of("docs", key, "0A", "txt", "indexed", MODIFIED, "some text"))))
                .get(0);
    }

    private void setIndex(String setting) throws Exception {
        isolated.http.put("/" + isolated.concreteIndex() + "/_settings", "{" + setting + "}");
    }

    private void setBreaker(String limit) throws Exception {
        isolated.http.put(
                "/_cluster/settings", "{\"persistent\": {\"network.breaker.inflight_requests.limit\": " + limit + "}}");
    }
}
