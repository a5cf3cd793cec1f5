package io.docindexer.index;

import java.util.List;

/** The port the pipeline writes through; {@link OpenSearchDocumentIndex} is the adapter. */
public interface DocumentIndex {

    /**
     * Sends all operations in one request.
     *
     * @return one result per operation, in operation order
     * @throws IndexUnavailableException when the request as a whole failed; retry every operation
     */
    List<IndexItemResult> apply(List<IndexOperation> operations);
}
