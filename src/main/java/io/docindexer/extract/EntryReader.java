package io.docindexer.extract;

import java.io.IOException;
import java.nio.file.Path;

/** Extracts one entry of a container as if it had been uploaded: {@link DocumentExtractor}'s rules. */
@FunctionalInterface
interface EntryReader {

    /**
     * @param file the entry's content, in a temp file of a generated name
     * @param name the entry's name, a hint for its type
     */
    ExtractedDocument read(Path file, String name) throws IOException;
}
