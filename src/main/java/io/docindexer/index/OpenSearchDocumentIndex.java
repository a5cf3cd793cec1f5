package io.docindexer.index;

import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchTemplateResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/** {@link DocumentIndex} on OpenSearch: one bulk request per call, ordered per key by S3 sequencer. */
public final class OpenSearchDocumentIndex implements DocumentIndex, AutoCloseable {

    private static final int HTTP_BAD_REQUEST = 400;
    private static final int HTTP_SERVER_ERROR = 500;

    private final OpenSearchClient client;
    private final IndexLayout layout;
    private final Clock clock;
    private final IndexPreparation preparation;

    OpenSearchDocumentIndex(OpenSearchClient client, IndexLayout layout, Clock clock) {
        this(client, layout, clock, new IndexPreparation());
    }

    OpenSearchDocumentIndex(OpenSearchClient client, IndexLayout layout, Clock clock, IndexPreparation preparation) {
        this.client = client;
        this.layout = layout;
        this.clock = clock;
        this.preparation = preparation;
    }

    /**
     * Builds the client (once per container) without a request; {@link #prepare} or the first
     * {@link #apply} prepares the index.
     *
     * @param endpoint {@code https://} is signed with SigV4 for {@code service} in AWS_REGION,
     *     {@code http://} is plain
     * @param service {@code es} or {@code aoss}
     * @param indexName the search alias; documents live in a versioned index behind it
     */
    public static OpenSearchDocumentIndex connect(URI endpoint, String service, String indexName) {
        return new OpenSearchDocumentIndex(
                OpenSearchClients.create(endpoint, service), new IndexLayout(indexName), Clock.systemUTC());
    }

    /**
     * The same index over a new client, without a request: for SnapStart's restore, whose
     * snapshot holds dead pooled connections. Whether the index was prepared carries over, so a
     * preparation that was refused before the snapshot is still made before the first write.
     */
    public OpenSearchDocumentIndex reconnected(URI endpoint, String service) {
        return new OpenSearchDocumentIndex(OpenSearchClients.create(endpoint, service), layout, clock, preparation);
    }

    @Override
    public void prepare() {
        preparation.runUnlessDone(this::ensureIndexTemplate);
    }

    /**
     * Puts the index template and creates the index from it if missing, every time it is called
     * ({@link #prepare} calls it until it has succeeded once); see {@link IndexSetup#run()}.
     */
    public void ensureIndexTemplate() {
        new IndexSetup(client, layout).run();
    }

    @Override
    public List<IndexItemResult> apply(List<IndexOperation> operations) {
        IndexItemResult[] results = new IndexItemResult[operations.size()];
        List<BulkOperation> bulk = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            IndexOperation operation = operations.get(i);
            try {
                bulk.add(SequencedWrite.toBulkOperation(layout.concreteIndex(), operation, clock.instant()));
                positions.add(i);
            } catch (IllegalArgumentException malformed) {
                results[i] = new IndexItemResult(
                        operation.documentId(), IndexItemResult.Status.FAILED, malformed.getMessage());
            }
        }
        if (!bulk.isEmpty()) {
            // A bulk write to a missing index would create it with dynamic mappings and no alias.
            prepare();
            List<BulkResponseItem> items = send(bulk);
            Set<Integer> created = new HashSet<>();
            for (int j = 0; j < items.size(); j++) {
                int position = positions.get(j);
                results[position] =
                        BulkItemClassifier.classify(operations.get(position).documentId(), items.get(j));
                if ("created".equals(items.get(j).result())) {
                    created.add(position);
                }
            }
            String index = layout.concreteIndex();
            new EntryWrites(index, this::send, new EntrySweep(client, index))
                    .afterTopLevel(operations, results, created, clock.instant());
        }
        return Arrays.asList(results);
    }

    /**
     * The NDJSON body {@link #apply} would send for these operations, without sending it. SnapStart
     * priming serialises one before the snapshot, so the first bulk after a restore does not pay
     * for loading and initialising the serialisation classes.
     */
    public String bulkBody(List<IndexOperation> operations) {
        JsonpMapper mapper = client._transport().jsonpMapper();
        StringWriter body = new StringWriter();
        for (IndexOperation operation : operations) {
            Iterator<?> lines = SequencedWrite.toBulkOperation(layout.concreteIndex(), operation, clock.instant())
                    ._serializables();
            while (lines.hasNext()) {
                try (JsonGenerator generator = mapper.jsonProvider().createGenerator(body)) {
                    mapper.serialize(lines.next(), generator);
                }
                body.write('\n');
            }
        }
        return body.toString();
    }

    private List<BulkResponseItem> send(List<BulkOperation> bulk) {
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(bulk));
        } catch (OpenSearchException e) {
            throw new IndexUnavailableException(
                    "OpenSearch rejected the whole bulk request (" + e.status() + "): " + e.getMessage(), e);
        } catch (IOException e) {
            // Not only a connection failure: the low-level client also reports an answer such as a
            // tripped circuit breaker's 429 this way, with the status line and body in the message.
            throw new IndexUnavailableException("the bulk request failed: " + e.getMessage(), e);
        }
        if (response.items().size() != bulk.size()) {
            throw new IndexUnavailableException(
                    "OpenSearch answered " + response.items().size() + " items for a bulk of " + bulk.size()
                            + "; cannot tell which operations were applied");
        }
        return response.items();
    }

    /** The first {@code size} hits for {@code query}, unfiltered: {@link #search(SearchRequest)} in short. */
    public List<SearchHit> search(String query, int size) {
        return search(SearchRequest.of(query).page(0, size)).hits();
    }

    /**
     * Runs the stored search template on the alias (so tombstones never show), exactly as the app
     * does: the same id, the same params.
     *
     * @throws SearchRejectedException when OpenSearch answers 4xx: the template is not stored, or
     *     does not render to a valid search with these params
     * @throws IndexUnavailableException when OpenSearch cannot be reached or fails otherwise
     */
    public SearchResults search(SearchRequest request) {
        Map<String, JsonData> params = new LinkedHashMap<>();
        request.templateParams().forEach((name, value) -> params.put(name, JsonData.of(value)));
        try {
            SearchTemplateResponse<SearchHits.StoredFields> response = client.searchTemplate(
                    s -> s.index(layout.alias()).id(layout.searchTemplateId()).params(params),
                    SearchHits.StoredFields.class);
            long total = response.hits().total() == null
                    ? response.hits().hits().size()
                    : response.hits().total().value();
            return new SearchResults(
                    total, response.hits().hits().stream().map(SearchHits::of).toList());
        } catch (OpenSearchException e) {
            if (e.status() >= HTTP_BAD_REQUEST && e.status() < HTTP_SERVER_ERROR) {
                throw new SearchRejectedException(
                        "Search template " + layout.searchTemplateId() + " on " + layout.alias() + " was rejected ("
                                + e.status() + "): " + e.getMessage(),
                        e);
            }
            throw new IndexUnavailableException("Search failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IndexUnavailableException("Search failed: " + e.getMessage(), e);
        }
    }

    /** Makes every write so far visible to search; for tests and demos, never the ingest path. */
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(layout.concreteIndex()));
        } catch (IOException | OpenSearchException e) {
            throw new IndexUnavailableException("Refresh failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }
}
