package io.docindexer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A downloaded object: a temporary file that is deleted on close, and what S3 said about it.
 *
 * @param sha256 hex SHA-256 of the bytes, computed while they were read
 * @param userMetadata the object's user-defined metadata ({@code x-amz-meta-*}), names without the prefix
 */
public record FetchedObject(
        Path file,
        long size,
        String contentType,
        String eTag,
        String versionId,
        Instant lastModified,
        String sha256,
        Map<String, String> userMetadata)
        implements AutoCloseable {

    public FetchedObject {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete temporary file " + file, e);
        }
    }
}
