package io.docindexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip archive: every file in it becomes an entry (see {@link ContainerEntries}); the archive's
 * own page lists their paths, so a search for a name inside it finds the archive too.
 *
 * <p>Read through its central directory with Commons Compress (which Tika's zip detector already
 * brings), so that an entry that cannot be read (encrypted, an unknown compression method, with
 * or without a data descriptor) is recorded with its reason and every other entry is still read.
 * Names are read as UTF-8 when they are valid UTF-8, with or without the flag that says so, and
 * as code page 932 (Shift_JIS) otherwise, as Windows in Japanese writes them. Every entry of the directory counts against
 * {@link ArchiveLimits#maxEntries()}, folders included, and the count the directory declares is
 * checked before the directory is loaded (see {@link ZipDirectorySize}).
 */
final class ZipExtractor {

    private static final Charset WINDOWS_JAPANESE = Charset.forName("windows-31j");

    ExtractedDocument extract(Path file, String contentType, TextBudget text, ContainerEntries entries)
            throws IOException {
        OptionalLong declared = ZipDirectorySize.declaredEntries(file);
        if (declared.isPresent()) {
            entries.expect(declared.getAsLong(), "the zip");
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder()
                    .setPath(file)
                    .setCharset(StandardCharsets.UTF_8)
                    .get();
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException broken) {
            return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.CORRUPT);
        }
        List<String> paths = new ArrayList<>();
        try (zip) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (entry.isDirectory()) {
                    entries.folder(pathOf(entry));
                    continue;
                }
                String path = pathOf(entry);
                paths.add(path);
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    entries.refuse(path, entry.getSize(), MetadataOnlyReason.ENCRYPTED);
                } else if (!zip.canReadEntryData(entry)) {
                    entries.refuse(path, entry.getSize(), MetadataOnlyReason.UNSUPPORTED);
                } else {
                    read(zip, entry, entries);
                }
            }
        }
        String listing = text.take(String.join("\n", paths));
        return ExtractedDocument.ofPages(
                        contentType, List.of(ExtractedPage.fromTextLayer(1, listing)), text.truncated())
                .withEntries(entries.list());
    }

    /** The entry's name from its own bytes: UTF-8 if they are valid UTF-8, else code page 932. */
    static String pathOf(ZipArchiveEntry entry) {
        byte[] raw = entry.getRawName();
        if (raw == null) {
            return entry.getName();
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(raw, WINDOWS_JAPANESE);
        }
    }

    /** An entry whose local header is broken is corrupt on its own; the others are still read. */
    private static void read(ZipFile zip, ZipArchiveEntry entry, ContainerEntries entries) throws IOException {
        InputStream content;
        try {
            content = zip.getInputStream(entry);
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException broken) {
            entries.refuse(pathOf(entry), entry.getSize(), MetadataOnlyReason.CORRUPT);
            return;
        }
        try (content) {
            entries.add(pathOf(entry), content);
        }
    }
}
