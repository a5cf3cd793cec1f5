package io.docindexer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A downloaded object: a temporary file that is deleted on close, and what S3 said about it. */
public record FetchedObject(
        Path file, long size, String contentType, String eTag, String versionId, Instant lastModified)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete temporary file " + file, e);
        }
    }
}
