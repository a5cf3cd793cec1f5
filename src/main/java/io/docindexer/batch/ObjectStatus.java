package io.docindexer.batch;

/**
 * What became of one S3 object, spelled the same in the index, the logs and the local tooling. An
 * indexed document's stored status is {@link #INDEXED}, {@link #PARTIAL} or {@link #METADATA_ONLY}; the others say
 * what a record did to an object without a document of its own.
 */
public enum ObjectStatus {

    /** Its text is in the index. */
    INDEXED("indexed"),
    /**
     * A big scan being read by page-range tasks: its text layers are in the index, and each
     * range's pages join as the range finishes; the last range makes it {@link #INDEXED}.
     */
    PARTIAL("partial"),
    /** Recorded by name and metadata, with the reason its text is not (unsupported, encrypted, too large...). */
    METADATA_ONLY("metadata-only"),
    /** Deleted from the bucket: a tombstone replaces its document. */
    DELETED("deleted"),
    /** Nothing written: the object no longer existed when it was read. */
    SKIPPED("skipped"),
    /** Paused part-way through: its finished pages are saved and a new message continues it. */
    CONTINUED("continued");

    private final String code;

    ObjectStatus(String code) {
        this.code = code;
    }

    /** How the index and the log lines spell it. */
    public String code() {
        return code;
    }
}
