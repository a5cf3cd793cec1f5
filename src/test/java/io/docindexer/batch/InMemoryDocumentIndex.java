package io.docindexer.batch;

import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexAccessDeniedException;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake index: applies operations in memory, can be made unavailable, refuse access, throttle or
 * reject chosen documents or find them stale. Like the real one, it takes no write before it has been prepared.
 */
final class InMemoryDocumentIndex implements DocumentIndex {

    final Map<String, IndexOperation> documents = new ConcurrentHashMap<>();
    final List<List<IndexOperation>> bulkRequests = new ArrayList<>();
    final Set<String> keysThatFail = ConcurrentHashMap.newKeySet();
    final Set<String> keysTheMappingRejects = ConcurrentHashMap.newKeySet();
    final Set<String> keysIndexedByANewerEvent = ConcurrentHashMap.newKeySet();
    final AtomicInteger preparationAttempts = new AtomicInteger();
    volatile boolean unavailable;
    volatile boolean refusesAccess;
    private boolean prepared;

    @Override
    public synchronized void prepare() {
        if (prepared) {
            return;
        }
        preparationAttempts.incrementAndGet();
        if (refusesAccess) {
            throw new IndexAccessDeniedException(
                    "OpenSearch refused PUT /_index_template/documents (403 security_exception)", null);
        }
        prepared = true;
    }

    @Override
    public synchronized List<IndexItemResult> apply(List<IndexOperation> operations) {
        prepare();
        bulkRequests.add(List.copyOf(operations));
        if (unavailable) {
            throw new IndexUnavailableException("connection refused", null);
        }
        List<IndexItemResult> results = new ArrayList<>();
        for (IndexOperation operation : operations) {
            String key = operation instanceof IndexOperation.Upsert upsert
                    ? upsert.document().key()
                    : ((IndexOperation.Delete) operation).key();
            if (keysThatFail.contains(key)) {
                results.add(new IndexItemResult(
                        operation.documentId(),
                        IndexItemResult.Status.UNAVAILABLE,
                        "429 rejected_execution_exception: rejected execution"));
            } else if (keysTheMappingRejects.contains(key)) {
                results.add(new IndexItemResult(
                        operation.documentId(),
                        IndexItemResult.Status.FAILED,
                        "400 mapper_parsing_exception: failed to parse field [metadata.created]"));
            } else if (keysIndexedByANewerEvent.contains(key)) {
                results.add(new IndexItemResult(operation.documentId(), IndexItemResult.Status.STALE, null));
            } else {
                documents.put(operation.documentId(), operation);
                results.add(new IndexItemResult(operation.documentId(), IndexItemResult.Status.APPLIED, null));
            }
        }
        return results;
    }
}
