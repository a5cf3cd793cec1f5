package io.docindexer.index;

import java.util.List;

/** One write to the index, ordered against other writes for the same key by the S3 sequencer. */
public sealed interface IndexOperation
        permits IndexOperation.Upsert, IndexOperation.Delete, IndexOperation.PageRangeWrite {

    String bucket();

    String key();

    String sequencer();

    default String documentId() {
        return DocumentId.of(bucket(), key());
    }

    /** Create or replace the document, unless the index already holds a newer event for the key. */
    record Upsert(IndexedDocument document) implements IndexOperation {
        @Override
        public String bucket() {
            return document.bucket();
        }

        @Override
        public String key() {
            return document.key();
        }

        @Override
        public String sequencer() {
            return document.sequencer();
        }
    }

    /** Replace the document by a tombstone, unless the index already holds a newer event for the key. */
    record Delete(String bucket, String key, String sequencer) implements IndexOperation {}

    /**
     * Put the pages a page-range task read into the partial document of the same event, replacing
     * the stored pages with the same numbers. A no-op unless the index holds exactly that event's
     * document and it is still partial: after a newer version, a delete or the complete document.
     */
    record PageRangeWrite(String bucket, String key, String sequencer, List<PageText> pages) implements IndexOperation {
        public PageRangeWrite {
            pages = List.copyOf(pages);
        }
    }
}
