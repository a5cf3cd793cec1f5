package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.IndexItemResult.Status;
import io.docindexer.local.Await;
import io.docindexer.local.OpenSearchServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A full write queue on the real server. {@code thread_pool.write.queue_size} is a static node
 * setting, so the shared test node cannot be given a small one: this test starts a node of its own
 * with one write thread and a queue of one, and sends bulk requests side by side until the queue
 * rejects one. A rejection may come for the whole request (the coordinating step) or for each item
 * of a shard's request; either way it is a 429 {@code rejected_execution_exception} (OpenSearch 3
 * names it so; older versions and Elasticsearch say {@code es_rejected_execution_exception}), and
 * the batch backs off.
 */
class WriteQueueRejectionIT {

    private static final int CONCURRENT_BULKS = 8;
    private static final int DOCUMENTS_PER_BULK = 100;
    private static final Instant MODIFIED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aFullWriteQueueRejectsWritesWith429AndTheIndexCountsAsUnavailable() throws Exception {
        Queue<String> rejections = new ConcurrentLinkedQueue<>();
        Queue<Status> statuses = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENT_BULKS);
        try (OpenSearchServer node = OpenSearchServer.fromBuildWith(
                Map.of("thread_pool.write.size", "1", "thread_pool.write.queue_size", "1"))) {
            node.start();
            try (OpenSearchDocumentIndex index = OpenSearchDocumentIndex.connect(node.endpoint(), "es", "queue")) {
                index.prepare();
                Await.until(Duration.ofSeconds(60), "a write rejected by the full write queue", () -> {
                    sendSideBySide(index, senders, rejections, statuses);
                    return !rejections.isEmpty();
                });
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(rejections)
                .allSatisfy(
                        rejection -> assertThat(rejection).contains("429").contains("rejected_execution_exception"));
        assertThat(statuses)
                .as("no document is blamed for the cluster's pushback")
                .doesNotContain(Status.FAILED);
    }

    private static void sendSideBySide(
            OpenSearchDocumentIndex index, ExecutorService senders, Queue<String> rejections, Queue<Status> statuses) {
        List<Future<?>> bulks = new ArrayList<>();
        for (int bulk = 0; bulk < CONCURRENT_BULKS; bulk++) {
            List<IndexOperation> operations = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS_PER_BULK; i++) {
                operations.add(new IndexOperation.Upsert(Documents.of(
                        "docs", "b" + bulk + "/" + i + ".txt", "0A", "txt", "indexed", MODIFIED, "東京都の契約書 " + i)));
            }
            bulks.add(senders.submit(() -> {
                try {
                    for (IndexItemResult result : index.apply(operations)) {
                        statuses.add(result.status());
                        if (result.status() == Status.UNAVAILABLE) {
                            rejections.add(result.detail());
                        }
                    }
                } catch (IndexUnavailableException wholeRequest) {
                    rejections.add(wholeRequest.getMessage());
                }
            }));
        }
        for (Future<?> bulk : bulks) {
            try {
                bulk.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
