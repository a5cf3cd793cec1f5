package io.docindexer.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The index id of an S3 object: stable across retries and versions, so every event for the same
 * key lands on the same document, and short and URL-safe whatever the key contains.
 */
public final class DocumentId {

    private DocumentId() {}

    /** Hex SHA-256 of {@code bucket + "/" + key}. */
    public static String of(String bucket, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((bucket + "/" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM must provide SHA-256", e);
        }
    }
}
