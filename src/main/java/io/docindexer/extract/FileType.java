package io.docindexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The kinds of file we extract, recognised by their first bytes, or by extension for plain
 * text, which has no signature. A signature wins over a misleading extension.
 */
enum FileType {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    TIFF("image/tiff"),
    BMP("image/bmp"),
    GIF("image/gif"),
    TEXT("text/plain"),
    UNKNOWN("application/octet-stream");

    /** PDF readers accept a header anywhere in the first 1024 bytes, and so do we. */
    private static final int SNIFF_BYTES = 1024;

    private static final Map<String, String> TEXT_CONTENT_TYPES = Map.of(
            "txt", "text/plain",
            "log", "text/plain",
            "csv", "text/csv",
            "md", "text/markdown",
            "json", "application/json",
            "xml", "application/xml",
            "html", "text/html",
            "htm", "text/html");

    private final String contentType;

    FileType(String contentType) {
        this.contentType = contentType;
    }

    /** The content type to record; plain text gets the one its extension names. */
    String contentType(String fileName) {
        return this == TEXT ? TEXT_CONTENT_TYPES.getOrDefault(extension(fileName), contentType) : contentType;
    }

    static FileType detect(Path file, String fileName) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        FileType bySignature = bySignature(head);
        if (bySignature != UNKNOWN) {
            return bySignature;
        }
        return TEXT_CONTENT_TYPES.containsKey(extension(fileName)) ? TEXT : UNKNOWN;
    }

    private static FileType bySignature(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 'I', 'I', 0x2A, 0x00) || startsWith(head, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(head, 'B', 'M')) {
            return BMP;
        }
        return new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-") ? PDF : UNKNOWN;
    }

    private static boolean startsWith(byte[] head, int... signature) {
        return head.length >= signature.length
                && Arrays.equals(Arrays.copyOf(head, signature.length), toBytes(signature));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
