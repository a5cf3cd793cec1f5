package io.docindexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The entries of one container as it is read: each is charged to the tree's {@link ArchiveBudget},
 * copied to a temp file of a generated name (an entry's name is never a path on disk), extracted
 * by the {@link EntryReader} and deleted, one at a time, so the disk holds one entry at most. An
 * entry that is itself a container brings its own entries, kept beside it with their paths
 * extended.
 */
final class ContainerEntries {

    private final ArchiveBudget budget;
    private final EntryReader reader;
    private final long maxEntryBytes;
    private final List<ExtractedEntry> entries = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();

    /**
     * @param reader reads an entry a level deeper than this container
     * @param maxEntryBytes MAX_OBJECT_BYTES, which an entry may not pass any more than a file
     */
    ContainerEntries(ArchiveBudget budget, EntryReader reader, long maxEntryBytes) {
        this.budget = budget;
        this.reader = reader;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** Reads one entry from its content. */
    void add(String name, InputStream content) throws IOException {
        budget.chargeEntry(name);
        String path = unique(name);
        Path file = Files.createTempFile("entry-", ".bin");
        try {
            long size = budget.copy(content, file, maxEntryBytes);
            ExtractedDocument document;
            if (size == ArchiveBudget.UNREADABLE) {
                document = ExtractedDocument.metadataOnly(null, MetadataOnlyReason.CORRUPT);
                size = 0;
            } else if (size > maxEntryBytes) {
                document = ExtractedDocument.metadataOnly(null, MetadataOnlyReason.TOO_LARGE);
            } else {
                document = reader.read(file, fileName(path));
            }
            entries.add(new ExtractedEntry(path, size, document));
            document.entries().forEach(inner -> entries.add(inner.inside(path)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A folder of a zip: an entry like any other for the limits, nothing to read or index. */
    void folder(String path) {
        budget.chargeEntry(path);
    }

    /**
     * Refuses a container whose directory declares more entries than the tree may still have,
     * before the directory is read into memory.
     */
    void expect(long declared, String where) {
        budget.chargeDeclared(declared, where);
    }

    /** Records an entry that cannot be read (encrypted, an unknown compression) with its reason. */
    void refuse(String name, long size, MetadataOnlyReason reason) {
        budget.chargeEntry(name);
        entries.add(new ExtractedEntry(unique(name), Math.max(0, size), ExtractedDocument.metadataOnly(null, reason)));
    }

    List<ExtractedEntry> list() {
        return List.copyOf(entries);
    }

    /**
     * The path, or, when an earlier entry has it (two attachments called image.png), the path
     * with a number before its extension: each entry becomes a document of its own, keyed by it.
     */
    private String unique(String path) {
        String candidate = path;
        int dot = path.lastIndexOf('.');
        boolean hasExtension = dot > path.lastIndexOf('/') + 1;
        for (int n = 2; !paths.add(candidate); n++) {
            candidate = hasExtension
                    ? path.substring(0, dot) + " (" + n + ")" + path.substring(dot)
                    : path + " (" + n + ")";
        }
        return candidate;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
