package io.docindexer.index;

/** One write to the index, ordered against other writes for the same key by the S3 sequencer. */
public sealed interface IndexOperation permits IndexOperation.Upsert, IndexOperation.Delete {

    String documentId();

    String sequencer();

    /** Create or replace the document, unless the index already holds a newer event for the key. */
    record Upsert(IndexedDocument document) implements IndexOperation {
        @Override
        public String documentId() {
            return DocumentId.of(document.bucket(), document.key());
        }

        @Override
        public String sequencer() {
            return document.sequencer();
        }
    }

    /** Replace the document by a tombstone, unless the index already holds a newer event for the key. */
    record Delete(String bucket, String key, String sequencer) implements IndexOperation {
        @Override
        public String documentId() {
            return DocumentId.of(bucket, key);
        }
    }
}
