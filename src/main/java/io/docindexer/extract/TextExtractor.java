package io.docindexer.extract;

import java.io.IOException;
import java.nio.file.Path;

/** Turns a downloaded file into text. */
public interface TextExtractor {

    /**
     * @param file     the file's content (a temp file with a generated name)
     * @param fileName the object's name, used only for its extension
     * @return the text, or a metadata-only document for content problems (corrupt, encrypted,
     *         unsupported, over a limit): those are outcomes, never exceptions
     * @throws IOException only for real I/O trouble, which is worth a retry
     */
    default ExtractedDocument extract(Path file, String fileName) throws IOException {
        return extract(file, fileName, ExtractionProgress.UNLIMITED);
    }

    /**
     * As {@link #extract(Path, String)}, resuming from and pausing for {@code progress}.
     *
     * @throws ExtractionPausedException when time ran out before the last page
     */
    ExtractedDocument extract(Path file, String fileName, ExtractionProgress progress) throws IOException;
}
