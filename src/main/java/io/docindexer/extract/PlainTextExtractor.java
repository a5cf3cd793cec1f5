package io.docindexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mozilla.universalchardet.Constants;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Text files in whatever encoding they came in: a BOM decides, else juniversalchardet guesses
 * from the first {@value #SNIFF_BYTES} bytes (Shift_JIS and EUC-JP included), else UTF-8.
 * Reads no more than maxChars characters, so a huge log costs no more memory than a small one.
 */
final class PlainTextExtractor {

    private static final int SNIFF_BYTES = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** @param budget the characters the file may add: its own maxChars, or what its container has left */
    ExtractedDocument extract(Path file, String contentType, TextBudget budget) throws IOException {
        int maxChars = budget.remaining();
        Charset charset = detectCharset(file);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        StringBuilder text = new StringBuilder();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buffer = new char[8192];
            int read;
            // Reading past maxChars tells a file of exactly maxChars from a longer, truncated one.
            while (text.length() <= maxChars && (read = reader.read(buffer)) != -1) {
                text.append(buffer, 0, read);
            }
        }
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text.deleteCharAt(0);
        }
        String kept = budget.take(text.toString());
        return ExtractedDocument.ofPages(
                contentType, List.of(ExtractedPage.fromTextLayer(1, kept)), budget.truncated());
    }

    static Charset detectCharset(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(head, 0, head.length);
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        if (detected == null || !Charset.isSupported(detected)) {
            return StandardCharsets.UTF_8;
        }
        // Files called Shift_JIS are nearly always Windows' superset of it (NEC and IBM extensions).
        return Constants.CHARSET_SHIFT_JIS.equals(detected)
                ? Charset.forName("windows-31j")
                : Charset.forName(detected);
    }
}
