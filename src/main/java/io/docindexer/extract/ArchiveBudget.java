package io.docindexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a top-level file's container tree may still unpack: entries and uncompressed bytes are
 * charged as they are met, at every depth, against one {@link ArchiveLimits}. Bytes are counted
 * while they are inflated, never taken from a zip's declared sizes, so a lying header cannot get
 * a bomb past it.
 */
final class ArchiveBudget {

    static final long UNREADABLE = -1;

    private static final int BUFFER = 64 * 1024;

    private final ArchiveLimits limits;
    private int entries;
    private long bytes;

    ArchiveBudget(ArchiveLimits limits) {
        this.limits = limits;
    }

    int maxDepth() {
        return limits.maxDepth();
    }

    /** @throws ArchiveLimitException when this entry is one too many */
    void chargeEntry(String path) {
        entries++;
        if (entries > limits.maxEntries()) {
            throw new ArchiveLimitException(
                    MetadataOnlyReason.ARCHIVE_TOO_MANY_ENTRIES,
                    "more than " + limits.maxEntries() + " entries (at " + path + ")");
        }
    }

    /**
     * Charges a zip's folder entries, and checks the entries its directory declares before the
     * directory is loaded.
     *
     * @throws ArchiveLimitException when they are more than the tree may still have
     */
    void chargeDeclared(long declared, String where) {
        if (declared > limits.maxEntries() - entries) {
            throw new ArchiveLimitException(
                    MetadataOnlyReason.ARCHIVE_TOO_MANY_ENTRIES,
                    where + " declares " + declared + " entries, over the " + limits.maxEntries() + " allowed");
        }
    }

    /**
     * Copies an entry's content to {@code target}, at most {@code maxEntryBytes + 1} bytes of it
     * (one more than allowed tells an entry that is too large from one that just fits).
     *
     * @return the bytes copied, or {@link #UNREADABLE} when the content could not be read (a bad
     *     checksum, a truncated entry): that is the entry's content, not trouble worth a retry
     * @throws ArchiveLimitException when the tree's bytes pass the limit
     * @throws IOException when the copy cannot be written
     */
    long copy(InputStream content, Path target, long maxEntryBytes) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(target)) {
            while (copied <= maxEntryBytes) {
                int read = readOrFlag(content, buffer);
                if (read == UNREADABLE) {
                    return UNREADABLE;
                }
                if (read == 0) {
                    break;
                }
                bytes += read;
                if (bytes > limits.maxBytes()) {
                    throw new ArchiveLimitException(
                            MetadataOnlyReason.ARCHIVE_TOO_LARGE,
                            "entries inflate to more than " + limits.maxBytes() + " bytes");
                }
                out.write(buffer, 0, read);
                copied += read;
            }
        }
        return copied;
    }

    private static int readOrFlag(InputStream content, byte[] buffer) throws InterruptedIOException {
        try {
            // End of stream is 0 here: a read of an InputStream into a non-empty buffer is never 0.
            return Math.max(0, content.read(buffer));
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException unreadable) {
            return (int) UNREADABLE;
        }
    }
}
