package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docindexer.index.IndexItemResult.Status;
import io.docindexer.local.Await;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.bulk.OperationType;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.indices.CreateIndexRequest;
import org.opensearch.client.opensearch.indices.CreateIndexResponse;

class OpenSearchDocumentIndexTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC);

    private final IndexOperation first = new IndexOperation.Upsert(Documents.indexed("b", "one.txt", "0A", "one"));
    private final IndexOperation malformed = new IndexOperation.Delete("b", "two.txt", "not-hex");
    private final IndexOperation third = new IndexOperation.Delete("b", "three.txt", "0B");

    @Test
    void sendsOneBulkOfUpdatesToTheVersionedIndex() throws IOException {
        FakeTransport transport =
                new FakeTransport(request -> bulkResponse(item(201, "created"), item(200, "updated")));

        index(transport).apply(List.of(first, third));

        assertThat(transport.requests).hasSize(1);
        List<BulkOperation> sent = ((BulkRequest) transport.requests.get(0)).operations();
        assertThat(sent).hasSize(2).allSatisfy(operation -> {
            assertThat(operation.isUpdate()).isTrue();
            assertThat(operation.update().index()).isEqualTo("documents-v2");
        });
        assertThat(sent.get(0).update().id()).isEqualTo(first.documentId());
        assertThat(sent.get(1).update().id()).isEqualTo(third.documentId());
    }

    @Test
    void onlyWritesThatReplacedADocumentOfTheirKeyAreSweptForEntries() throws IOException {
        // one.txt's write made its key's first document: no earlier version, so no entries to sweep.
        FakeTransport transport =
                new FakeTransport(request -> bulkResponse(item(201, "created"), item(200, "updated")));

        index(transport).apply(List.of(first, third));

        assertThat(transport.sweeps)
                .singleElement()
                .satisfies(sweep -> assertThat(sweep.script()
                                .inline()
                                .params()
                                .get("sequencers")
                                .toString())
                        .contains("b/three.txt")
                        .doesNotContain("one.txt"));
    }

    @Test
    void aBulkOfNewDocumentsOnlySendsNoSweep() throws IOException {
        FakeTransport transport = new FakeTransport(request -> bulkResponse(item(201, "created")));

        index(transport).apply(List.of(first));

        assertThat(transport.sweeps).isEmpty();
    }

    @Test
    void reportsOneResultPerOperationInOrderAndNeverSendsAMalformedSequencer() throws IOException {
        FakeTransport transport = new FakeTransport(request -> bulkResponse(item(201, "created"), item(200, "noop")));

        List<IndexItemResult> results = index(transport).apply(List.of(first, malformed, third));

        assertThat(results)
                .extracting(IndexItemResult::documentId)
                .containsExactly(first.documentId(), malformed.documentId(), third.documentId());
        assertThat(results)
                .extracting(IndexItemResult::status)
                .containsExactly(Status.APPLIED, Status.FAILED, Status.STALE);
        assertThat(results.get(1).detail()).contains("not-hex");
        assertThat(((BulkRequest) transport.requests.get(0)).operations()).hasSize(2);
    }

    @Test
    void anUnreachableServerMakesTheWholeBatchRetryable() {
        FakeTransport transport = new FakeTransport(request -> {
            throw new ConnectException("Connection refused");
        });

        assertThatThrownBy(() -> index(transport).apply(List.of(first)))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("Connection refused");
    }

    @Test
    void aRejectedBulkRequestMakesTheWholeBatchRetryable() {
        FakeTransport transport = new FakeTransport(request -> {
            throw new OpenSearchException(ErrorResponse.of(e -> e.status(429)
                    .error(c -> c.type("circuit_breaking_exception").reason("data too large"))));
        });

        assertThatThrownBy(() -> index(transport).apply(List.of(first)))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("429");
    }

    @Test
    void nothingToApplySendsNothing() {
        FakeTransport transport = new FakeTransport(request -> {
            throw new AssertionError("no request expected");
        });

        assertThat(index(transport).apply(List.of())).isEmpty();
        assertThat(transport.requests).isEmpty();
    }

    @Test
    void aRefusedPreparationSaysWhichRequestOpenSearchRefusedAndWhy() {
        FakeTransport transport = new FakeTransport(request -> {
            throw refusedBySigV4();
        });

        assertThatThrownBy(() -> unprepared(transport).ensureIndexTemplate())
                .isInstanceOf(IndexAccessDeniedException.class)
                .hasMessageContaining("OpenSearch refused GET /_cat/plugins")
                .hasMessageContaining("no permissions for [cluster:monitor/state]");
    }

    @Test
    void anUnreachableServerDuringPreparationIsAnOutageNotARefusal() {
        FakeTransport transport = new FakeTransport(request -> {
            throw new ConnectException("Connection refused");
        });

        assertThatThrownBy(() -> unprepared(transport).ensureIndexTemplate())
                .isInstanceOf(IndexUnavailableException.class)
                .isNotInstanceOf(IndexAccessDeniedException.class)
                .hasMessageContaining("Connection refused");
    }

    @Test
    void nothingIsWrittenToAnIndexThatCouldNotBePrepared() {
        FakeTransport transport = new FakeTransport(request -> {
            throw refusedBySigV4();
        });

        assertThatThrownBy(() -> unprepared(transport).apply(List.of(first)))
                .isInstanceOf(IndexAccessDeniedException.class);
        assertThat(transport.requests).noneMatch(BulkRequest.class::isInstance);
    }

    @Test
    void aRefusedPreparationIsTriedAgainByTheNextWriteAndOnceItSucceedsNeverAgain() {
        AtomicBoolean roleMapped = new AtomicBoolean();
        FakeTransport transport = new FakeTransport(request -> {
            if (!roleMapped.get()) {
                throw refusedBySigV4();
            }
            return preparedCluster(request);
        });
        OpenSearchDocumentIndex index = unprepared(transport);
        assertThatThrownBy(() -> index.apply(List.of(first))).isInstanceOf(IndexAccessDeniedException.class);

        roleMapped.set(true);
        index.apply(List.of(first));
        index.apply(List.of(third));
        index.prepare();

        assertThat(transport.requests.subList(1, transport.requests.size()))
                .extracting(OpenSearchDocumentIndexTest::describe)
                .containsExactly(
                        "GET /_cat/plugins",
                        "PUT /_index_template/documents",
                        "PUT /_scripts/documents-search",
                        "create documents-v2",
                        "PUT /documents-v2/_mapping",
                        "GET /_alias/documents",
                        "POST /_aliases",
                        "bulk",
                        "bulk");
    }

    @Test
    void threadsThatPrepareTheIndexAtOnceMakeOnePreparation() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        FakeTransport transport = new FakeTransport(request -> {
            awaitUninterruptibly(answer);
            return preparedCluster(request);
        });
        OpenSearchDocumentIndex index = unprepared(transport);
        List<Thread> workers =
                List.of(new Thread(index::prepare), new Thread(index::prepare), new Thread(index::prepare));

        workers.forEach(Thread::start);
        // One thread's first request is held; the others must be waiting for it, not preparing too.
        Await.until(
                Duration.ofSeconds(10),
                "one request and two threads waiting",
                () -> transport.requests.size() == 1
                        && workers.stream()
                                        .filter(worker -> worker.getState() == Thread.State.BLOCKED)
                                        .count()
                                == 2);
        answer.countDown();
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(10).toMillis());
        }

        assertThat(transport.requests)
                .extracting(OpenSearchDocumentIndexTest::describe)
                .containsExactly(
                        "GET /_cat/plugins",
                        "PUT /_index_template/documents",
                        "PUT /_scripts/documents-search",
                        "create documents-v2",
                        "PUT /documents-v2/_mapping",
                        "GET /_alias/documents",
                        "POST /_aliases");
    }

    /** An index whose preparation succeeded at init, so a write sends only its bulk request. */
    private static OpenSearchDocumentIndex index(FakeTransport transport) {
        IndexPreparation preparedAtInit = new IndexPreparation();
        preparedAtInit.runUnlessDone(() -> {});
        return new OpenSearchDocumentIndex(
                new OpenSearchClient(transport), new IndexLayout("documents"), CLOCK, preparedAtInit);
    }

    private static OpenSearchDocumentIndex unprepared(FakeTransport transport) {
        return new OpenSearchDocumentIndex(new OpenSearchClient(transport), new IndexLayout("documents"), CLOCK);
    }

    /** How a domain with fine-grained access control refuses a role it has not mapped, as the SigV4 transport reports it. */
    private static OpenSearchException refusedBySigV4() {
        return new OpenSearchException(
                ErrorResponse.of(
                        e -> e.status(403)
                                .error(
                                        c -> c.type("security_exception")
                                                .reason(
                                                        "no permissions for [cluster:monitor/state] and User [name=arn:aws:iam::123456789012:role/ingest]"))));
    }

    /** Answers the preparation's requests as a cluster without Kuromoji does, and every bulk item as applied. */
    private static Object preparedCluster(Object request) {
        if (request instanceof Request) {
            return new EmptyResponse();
        }
        if (request instanceof CreateIndexRequest create) {
            return CreateIndexResponse.of(
                    r -> r.index(create.index()).acknowledged(true).shardsAcknowledged(true));
        }
        BulkResponseItem[] items = ((BulkRequest) request)
                .operations().stream().map(operation -> item(200, "updated")).toArray(BulkResponseItem[]::new);
        return bulkResponse(items);
    }

    private static String describe(Object request) {
        if (request instanceof Request generic) {
            return generic.getMethod() + " " + generic.getEndpoint().replaceFirst("\\?.*", "");
        }
        if (request instanceof CreateIndexRequest create) {
            return "create " + create.index();
        }
        return request instanceof BulkRequest ? "bulk" : request.getClass().getSimpleName();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A generic response with status 200 and no body. */
    private static final class EmptyResponse implements Response {
        @Override
        public Optional<Body> getBody() {
            return Optional.empty();
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getReason() {
            return "OK";
        }

        @Override
        public int getStatus() {
            return 200;
        }

        @Override
        public String getUri() {
            return "/";
        }

        @Override
        public Collection<Map.Entry<String, String>> getHeaders() {
            return List.of();
        }

        @Override
        public void close() {}
    }

    private static BulkResponse bulkResponse(BulkResponseItem... items) {
        return BulkResponse.of(r -> r.took(1).errors(false).items(List.of(items)));
    }

    private static BulkResponseItem item(int status, String result) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Update)
                .index("documents-v2")
                .id("id")
                .status(status)
                .result(result));
    }
}
