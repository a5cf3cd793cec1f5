package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.IndexItemResult.Status;
import io.docindexer.local.OpenSearchServer;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * A prepared index of its own on the shared local server, so that no test sees another's
 * documents or search template.
 */
final class IsolatedIndex implements AutoCloseable {

    final String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    final OpenSearchDocumentIndex index;
    final OpenSearchHttp http;

    IsolatedIndex(OpenSearchServer openSearch) {
        http = new OpenSearchHttp(openSearch.endpoint());
        index = OpenSearchDocumentIndex.connect(openSearch.endpoint(), "es", name);
        index.prepare();
    }

    /** The versioned index behind the alias, where the documents are written. */
    String concreteIndex() {
        return new IndexLayout(name).concreteIndex();
    }

    /** Applies the operations, expects every one applied, and makes them searchable. */
    void applyAll(List<IndexOperation> operations) {
        assertThat(index.apply(operations)).extracting(IndexItemResult::status).containsOnly(Status.APPLIED);
        index.refresh();
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
