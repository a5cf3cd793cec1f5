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

    /**
     * Create or replace the document, unless the index already holds a newer event for the key.
     * A container's {@code entries} are written with it, each as a document of its own that names
     * its container, only when the container's write was applied (a stale container's entries are
     * stale too); entries an older version had and this one has not are then tombstoned.
     */
    record Upsert(IndexedDocument document, List<Entry> entries) implements IndexOperation {

        public Upsert {
            entries = List.copyOf(entries);
        }

        /** A file that is no container. */
        public Upsert(IndexedDocument document) {
            this(document, List.of());
        }

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

    /**
     * A file inside a container (an entry of a zip, an attachment of an e-mail), at {@code path}
     * inside it. Its document's key is the container's key, {@code !/} and the path; it carries
     * the container's sequencer.
     */
    record Entry(String path, IndexedDocument document) {}

    /**
     * Replace the document by a tombstone, unless the index already holds a newer event for the
     * key; the entries of a container are tombstoned with it.
     */
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
