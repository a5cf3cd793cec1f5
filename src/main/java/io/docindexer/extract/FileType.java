package io.docindexer.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, by Tika's detector: its content first (magic bytes, then what is inside a zip
 * or OLE2 container), its name only as a hint where the content says nothing more specific. So a
 * {@code .pdf} that is really a Word file is read as Word, and a text file needs no extension.
 *
 * @param contentType the detected media type, recorded with the document
 */
record FileType(Kind kind, String contentType) {

    /** Which extractor reads the file. */
    enum Kind {
        PDF,
        IMAGE,
        TEXT,
        /** Office, OpenDocument, RTF, HTML, XML, EPUB: read by Tika. */
        DOCUMENT,
        /** E-mail (.eml, Outlook .msg): read by Tika, each attachment an entry of its own. */
        MAIL,
        /** A zip archive: each file in it an entry of its own. */
        ARCHIVE,
        DOCUWORKS,
        HEIC,
        UNKNOWN
    }

    static final String PDF_TYPE = "application/pdf";

    /** The readers ImageExtractor has (the JDK's, and TwelveMonkeys' WebP and Netpbm). */
    private static final Set<MediaType> IMAGES = Set.of(
            MediaType.image("png"),
            MediaType.image("jpeg"),
            MediaType.image("tiff"),
            MediaType.image("bmp"),
            MediaType.image("gif"),
            MediaType.image("webp"),
            MediaType.image("x-portable-bitmap"),
            MediaType.image("x-portable-graymap"),
            MediaType.image("x-portable-pixmap"));

    /** Each with its subtypes (macro-enabled and template variants, XML dialects). */
    private static final Set<MediaType> DOCUMENTS = Set.of(
            MediaType.application("msword"),
            MediaType.application("vnd.ms-excel"),
            MediaType.application("vnd.ms-powerpoint"),
            MediaType.application("x-tika-ooxml"),
            // An encrypted OOXML file is an OLE2 container: Tika names it so, and says it is encrypted.
            MediaType.application("x-tika-ooxml-protected"),
            MediaType.application("vnd.oasis.opendocument.text"),
            MediaType.application("vnd.oasis.opendocument.spreadsheet"),
            MediaType.application("vnd.oasis.opendocument.presentation"),
            MediaType.application("rtf"),
            MediaType.text("html"),
            MediaType.application("xhtml+xml"),
            MediaType.application("xml"),
            MediaType.application("epub+zip"));

    private static final Set<MediaType> DOCUWORKS = Set.of(
            MediaType.application("vnd.fujixerox.docuworks"), MediaType.application("vnd.fujixerox.docuworks.binder"));

    private static final Set<MediaType> MAIL =
            Set.of(MediaType.parse("message/rfc822"), MediaType.application("vnd.ms-outlook"));

    /**
     * A plain zip only: Office, OpenDocument and EPUB files are zips too, but the detector names
     * them by what is inside, and they are documents.
     */
    private static final MediaType ZIP = MediaType.application("zip");

    private static final MediaType HEIF = MediaType.image("heif");

    // The detectors alone, not TikaConfig's default, which would also load every parser at the
    // first file of any type (TikaExtractor loads them when the first document needs them).
    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
    private static final Detector DETECTOR = new DefaultDetector(MIME_TYPES);
    private static final MediaTypeRegistry REGISTRY = MIME_TYPES.getMediaTypeRegistry();

    static FileType detect(Path file, String fileName) throws IOException {
        Metadata hint = new Metadata();
        hint.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        MediaType detected;
        try (TikaInputStream input = TikaInputStream.get(file, hint)) {
            detected = DETECTOR.detect(input, hint);
        }
        MediaType type = detected.getBaseType();
        return new FileType(kindOf(type), type.toString());
    }

    /** Detects a few bytes, which loads what any file needs: Tika's registry and a detector per module. */
    static void load() {
        try (TikaInputStream sample = TikaInputStream.get("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))) {
            DETECTOR.detect(sample, new Metadata());
        } catch (IOException inMemory) {
            throw new UncheckedIOException("reading bytes in memory failed", inMemory);
        }
    }

    private static Kind kindOf(MediaType type) {
        if (type.toString().equals(PDF_TYPE)) {
            return Kind.PDF;
        }
        if (IMAGES.contains(type)) {
            return Kind.IMAGE;
        }
        if (isOneOf(type, Set.of(HEIF))) {
            return Kind.HEIC;
        }
        if (DOCUWORKS.contains(type)) {
            return Kind.DOCUWORKS;
        }
        if (isOneOf(type, MAIL)) {
            return Kind.MAIL;
        }
        if (type.equals(ZIP)) {
            return Kind.ARCHIVE;
        }
        // Before text: HTML, XML and RTF are text to the registry, but markup to strip.
        if (isOneOf(type, DOCUMENTS)) {
            return Kind.DOCUMENT;
        }
        return isOneOf(type, Set.of(MediaType.TEXT_PLAIN)) ? Kind.TEXT : Kind.UNKNOWN;
    }

    private static boolean isOneOf(MediaType type, Set<MediaType> bases) {
        return bases.stream().anyMatch(base -> type.equals(base) || REGISTRY.isSpecializationOf(type, base));
    }
}
