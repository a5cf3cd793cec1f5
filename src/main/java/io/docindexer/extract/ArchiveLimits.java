package io.docindexer.extract;

/**
 * Bounds on what a container (a zip archive, an e-mail with attachments) may unpack, counted over
 * the whole tree of a top-level file, nested containers included, so that a zip bomb or a chain of
 * archives in archives becomes a metadata-only record instead of an OOM, a full {@code /tmp} or a
 * timeout.
 *
 * @param maxEntries entries and attachments in all, at every depth (a zip's folders count too)
 * @param maxBytes uncompressed bytes of all entries together, counted as they are inflated (a
 *     zip's declared sizes may lie)
 * @param maxDepth how deep entries are read: the entries of the uploaded file are at depth 1; a
 *     container found at this depth is recorded without its own entries
 */
public record ArchiveLimits(int maxEntries, long maxBytes, int maxDepth) {

    public ArchiveLimits {
        if (maxEntries <= 0 || maxBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("archive limits must be positive: maxEntries=" + maxEntries
                    + " maxBytes=" + maxBytes + " maxDepth=" + maxDepth);
        }
    }

    /** 1000 entries, 1 GiB uncompressed, entries read three containers deep. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(1000, 1L << 30, 3);
    }
}
