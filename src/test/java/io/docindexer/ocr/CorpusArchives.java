package io.docindexer.ocr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The corpus's zip archives, made on first use from files kept in the corpus, so that no archive
 * is stored in the repository: {@code archive/documents.zip} (a PDF, a Japanese text and Word
 * file, and a zip of one note in {@code nested/}) and {@code archive/with-encrypted-entry.zip}
 * (a readable entry, and one marked encrypted in its headers).
 */
final class CorpusArchives {

    static final String DOCUMENTS = "archive/documents.zip";
    static final String WITH_ENCRYPTED_ENTRY = "archive/with-encrypted-entry.zip";

    /** General purpose flag bit 0: the entry is encrypted (APPNOTE.TXT 4.4.4). */
    private static final short ENCRYPTED = 1;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int LOCAL_FLAGS_OFFSET = 6;
    private static final int CENTRAL_FLAGS_OFFSET = 8;
    private static final int LOCAL_NAME_LENGTH_OFFSET = 26;
    private static final int CENTRAL_NAME_LENGTH_OFFSET = 28;
    private static final int LOCAL_NAME_OFFSET = 30;
    private static final int CENTRAL_NAME_OFFSET = 46;

    private static Path folder;

    private CorpusArchives() {}

    /** The archive at {@code relativePath}, written to a temp folder the first time it is asked for. */
    static synchronized Path file(String relativePath) {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("corpus-archives-");
                folder.toFile().deleteOnExit();
            }
            Path file = folder.resolve(relativePath.substring(relativePath.lastIndexOf('/') + 1));
            if (!Files.exists(file)) {
                Files.write(file, relativePath.equals(DOCUMENTS) ? documents() : withEncryptedEntry());
                file.toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isArchive(String relativePath) {
        return relativePath.equals(DOCUMENTS) || relativePath.equals(WITH_ENCRYPTED_ENTRY);
    }

    private static byte[] documents() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("report.pdf", read("pdf/minimal-document.pdf"));
        files.put("notes/memo-ja.txt", read("archive/documents/notes/memo-ja.txt"));
        files.put("notes/minutes.docx", read("office/japanese-minutes.docx"));
        files.put(
                "nested/inner.zip",
                zip(Map.of("inner-note.txt", read("archive/documents/nested/inner/inner-note.txt"))));
        return zip(files);
    }

    private static byte[] withEncryptedEntry() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("readable.txt", read("archive/with-encrypted-entry/readable.txt"));
        files.put("secret.txt", read("archive/with-encrypted-entry/secret.txt"));
        byte[] zip = zip(files);
        markEncrypted(zip, "secret.txt");
        return zip;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Sets the encrypted flag on the entry's local and central headers, as an encrypting zip tool
     * does; its bytes stay as they are, which is all a reader that refuses encrypted entries sees.
     */
    private static void markEncrypted(byte[] zip, String name) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int marked = 0;
        for (int at = 0; at + CENTRAL_NAME_OFFSET <= zip.length; at++) {
            int signature = buffer.getInt(at);
            if (signature == LOCAL_HEADER
                    && names(buffer, at + LOCAL_NAME_LENGTH_OFFSET, at + LOCAL_NAME_OFFSET, wanted)) {
                buffer.putShort(
                        at + LOCAL_FLAGS_OFFSET, (short) (buffer.getShort(at + LOCAL_FLAGS_OFFSET) | ENCRYPTED));
                marked++;
            } else if (signature == CENTRAL_HEADER
                    && names(buffer, at + CENTRAL_NAME_LENGTH_OFFSET, at + CENTRAL_NAME_OFFSET, wanted)) {
                buffer.putShort(
                        at + CENTRAL_FLAGS_OFFSET, (short) (buffer.getShort(at + CENTRAL_FLAGS_OFFSET) | ENCRYPTED));
                marked++;
            }
        }
        if (marked != 2) {
            throw new IllegalStateException("expected a local and a central header for " + name + ", found " + marked);
        }
    }

    private static boolean names(ByteBuffer buffer, int lengthAt, int nameAt, byte[] wanted) {
        int length = Short.toUnsignedInt(buffer.getShort(lengthAt));
        if (length != wanted.length || nameAt + length > buffer.limit()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer.get(nameAt + i) != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] read(String relativePath) throws IOException {
        return Files.readAllBytes(Corpus.root().resolve(relativePath));
    }
}
