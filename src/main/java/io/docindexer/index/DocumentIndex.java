package io.docindexer.index;

import java.util.List;

/** The port the pipeline writes through; {@link OpenSearchDocumentIndex} is the adapter. */
public interface DocumentIndex {

    /**
     * Makes the index ready for writes (its template, the versioned index and the alias) unless
     * that has already succeeded in this container, in which case it returns at once.
     *
     * @throws IndexUnavailableException when the index cannot be prepared now, such as an
     *     {@link IndexAccessDeniedException} while OpenSearch refuses this function's role; every
     *     write would fail the same way, so retry them all
     */
    void prepare();

    /**
     * Sends all operations in one request, after {@link #prepare preparing} the index if that has
     * not succeeded yet: nothing is written to an index that was not prepared.
     *
     * @return one result per operation, in operation order
     * @throws IndexUnavailableException when the request as a whole failed; retry every operation
     */
    List<IndexItemResult> apply(List<IndexOperation> operations);
}
