package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docindexer.index.IndexItemResult.Status;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.bulk.OperationType;

class OpenSearchDocumentIndexTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC);

    private final IndexOperation first = new IndexOperation.Upsert(Documents.indexed("b", "one.txt", "0A", "one"));
    private final IndexOperation malformed = new IndexOperation.Delete("b", "two.txt", "not-hex");
    private final IndexOperation third = new IndexOperation.Delete("b", "three.txt", "0B");

    @Test
    void sends_one_bulk_of_updates_to_the_versioned_index() throws IOException {
        FakeTransport transport = new FakeTransport(request -> bulkResponse(item(201, "created"), item(200, "updated")));

        index(transport).apply(List.of(first, third));

        assertThat(transport.requests).hasSize(1);
        List<BulkOperation> sent = ((BulkRequest) transport.requests.get(0)).operations();
        assertThat(sent).hasSize(2).allSatisfy(operation -> {
            assertThat(operation.isUpdate()).isTrue();
            assertThat(operation.update().index()).isEqualTo("documents-v1");
        });
        assertThat(sent.get(0).update().id()).isEqualTo(first.documentId());
        assertThat(sent.get(1).update().id()).isEqualTo(third.documentId());
    }

    @Test
    void reports_one_result_per_operation_in_order_and_never_sends_a_malformed_sequencer() throws IOException {
        FakeTransport transport = new FakeTransport(request -> bulkResponse(item(201, "created"), item(200, "noop")));

        List<IndexItemResult> results = index(transport).apply(List.of(first, malformed, third));

        assertThat(results).extracting(IndexItemResult::documentId)
                .containsExactly(first.documentId(), malformed.documentId(), third.documentId());
        assertThat(results).extracting(IndexItemResult::status)
                .containsExactly(Status.APPLIED, Status.FAILED, Status.STALE);
        assertThat(results.get(1).detail()).contains("not-hex");
        assertThat(((BulkRequest) transport.requests.get(0)).operations()).hasSize(2);
    }

    @Test
    void an_unreachable_server_makes_the_whole_batch_retryable() {
        FakeTransport transport = new FakeTransport(request -> {
            throw new ConnectException("Connection refused");
        });

        assertThatThrownBy(() -> index(transport).apply(List.of(first)))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("Connection refused");
    }

    @Test
    void a_rejected_bulk_request_makes_the_whole_batch_retryable() {
        FakeTransport transport = new FakeTransport(request -> {
            throw new OpenSearchException(ErrorResponse.of(e -> e.status(429)
                    .error(c -> c.type("circuit_breaking_exception").reason("data too large"))));
        });

        assertThatThrownBy(() -> index(transport).apply(List.of(first)))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("429");
    }

    @Test
    void nothing_to_apply_sends_nothing() {
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

        assertThatThrownBy(() -> index(transport).ensureIndexTemplate())
                .isInstanceOf(IndexAccessDeniedException.class)
                .hasMessageContaining("OpenSearch refused GET /_cat/plugins")
                .hasMessageContaining("no permissions for [cluster:monitor/state]");
    }

    @Test
    void anUnreachableServerDuringPreparationIsAnOutageNotARefusal() {
        FakeTransport transport = new FakeTransport(request -> {
            throw new ConnectException("Connection refused");
        });

        assertThatThrownBy(() -> index(transport).ensureIndexTemplate())
                .isInstanceOf(IndexUnavailableException.class)
                .isNotInstanceOf(IndexAccessDeniedException.class)
                .hasMessageContaining("Connection refused");
    }

    private static OpenSearchDocumentIndex index(FakeTransport transport) {
        return new OpenSearchDocumentIndex(new OpenSearchClient(transport), new IndexLayout("documents"), CLOCK);
    }

    /** How a domain with fine-grained access control refuses a role it has not mapped, as the SigV4 transport reports it. */
    private static OpenSearchException refusedBySigV4() {
        return new OpenSearchException(ErrorResponse.of(e -> e.status(403).error(c -> c.type("security_exception")
                .reason("no permissions for [cluster:monitor/state] and User [name=arn:aws:iam::123456789012:role/ingest]"))));
    }

    private static BulkResponse bulkResponse(BulkResponseItem... items) {
        return BulkResponse.of(r -> r.took(1).errors(false).items(List.of(items)));
    }

    private static BulkResponseItem item(int status, String result) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Update).index("documents-v1").id("id")
                .status(status).result(result));
    }
}
