package io.docindexer.thumbnail;

import io.docindexer.index.DocumentId;
import io.docindexer.index.Sequencer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where a thumbnail lives: {@code thumbnails/<document id>/<sequencer>-<version hash>.<ext>}.
 *
 * <p>One folder per object (its document id), so every thumbnail an object ever had is found with
 * one listing. The name starts with the S3 event's sequencer, in the fixed-width form the index
 * orders writes by, so that a write can tell which thumbnails belong to events older than itself
 * (see {@link ThumbnailTidying}). The version (version id, else ETag) follows, hashed: the same
 * event seen again makes the same key, whether its text came from extraction, the extraction
 * cache or a continuation, so a thumbnail exists once however often its event is handled.
 */
public final class ThumbnailKeys {

    static final String PREFIX = "thumbnails/";

    private ThumbnailKeys() {}

    /**
     * The key for one event's thumbnail; empty when the sequencer is malformed (the index refuses
     * that event's write, so its thumbnail would be named by nothing).
     */
    public static Optional<String> of(
            String bucket, String key, String sequencer, String versionId, String eTag, String extension) {
        String ordered;
        try {
            ordered = Sequencer.normalise(sequencer);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        String version = versionId != null ? "v:" + versionId : eTag != null ? "e:" + eTag : "";
        return Optional.of(folder(bucket, key) + ordered + "-" + sha256(version).substring(0, 16) + "." + extension);
    }

    /** The folder of every thumbnail of one object. */
    public static String folder(String bucket, String key) {
        return PREFIX + DocumentId.of(bucket, key) + "/";
    }

    /** The fixed-width sequencer a thumbnail key starts with, as {@link Sequencer#normalise} writes it. */
    static String sequencerOf(String thumbnailKey) {
        String name = thumbnailKey.substring(thumbnailKey.lastIndexOf('/') + 1);
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM must provide SHA-256", impossible);
        }
    }
}
