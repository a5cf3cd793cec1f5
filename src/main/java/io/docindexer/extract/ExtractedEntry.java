package io.docindexer.extract;

/**
 * One file inside a container: an entry of a zip or an attachment of an e-mail, extracted by the
 * same rules as an uploaded file.
 *
 * @param path where it is inside the top-level container; an entry of a nested container adds
 *     {@value #SEPARATOR} and its own path, such as {@code nested/inner.zip!/note.txt}
 * @param size its uncompressed bytes
 * @param document what was extracted from it, without thumbnail or entries of its own
 */
public record ExtractedEntry(String path, long size, ExtractedDocument document) {

    /** Between a container and a path inside it, as in a {@code jar:} URL. */
    public static final String SEPARATOR = "!/";

    public ExtractedEntry {
        document = document.asEntry();
    }

    /** This entry as seen from the container that holds {@code container}. */
    ExtractedEntry inside(String container) {
        return new ExtractedEntry(container + SEPARATOR + path, size, document);
    }
}
