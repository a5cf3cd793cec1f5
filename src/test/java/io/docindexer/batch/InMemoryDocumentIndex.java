package io.docindexer.batch;

import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A fake index: applies operations in memory, can be made unavailable or fail chosen documents. */
final class InMemoryDocumentIndex implements DocumentIndex {

    final Map<String, IndexOperation> documents = new ConcurrentHashMap<>();
    final List<List<IndexOperation>> bulkRequests = new ArrayList<>();
    final Set<String> keysThatFail = ConcurrentHashMap.newKeySet();
    volatile boolean unavailable;

    @Override
    public synchronized List<IndexItemResult> apply(List<IndexOperation> operations) {
        bulkRequests.add(List.copyOf(operations));
        if (unavailable) {
            throw new IndexUnavailableException("connection refused", null);
        }
        List<IndexItemResult> results = new ArrayList<>();
        for (IndexOperation operation : operations) {
            String key = operation instanceof IndexOperation.Upsert upsert ? upsert.document().key()
                    : ((IndexOperation.Delete) operation).key();
            if (keysThatFail.contains(key)) {
                results.add(new IndexItemResult(operation.documentId(), IndexItemResult.Status.RETRYABLE, "429 too many requests"));
            } else {
                documents.put(operation.documentId(), operation);
                results.add(new IndexItemResult(operation.documentId(), IndexItemResult.Status.APPLIED, null));
            }
        }
        return results;
    }
}
