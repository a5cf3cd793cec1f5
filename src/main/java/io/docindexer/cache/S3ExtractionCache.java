package io.docindexer.cache;

import io.docindexer.event.ObjectEvent;
import io.docindexer.index.DocumentId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Keeps extraction results as gzipped JSON in a bucket of their own (a prefix of the documents
 * bucket would send notifications for every cache write). The bucket's lifecycle rule expires
 * entries; nothing here deletes them.
 */
public final class S3ExtractionCache implements ExtractionCache {

    static final String PREFIX = "extractions/";

    private final S3Client s3;
    private final String bucket;

    public S3ExtractionCache(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<ExtractedObject> find(ObjectEvent event) {
        Optional<String> key = cacheKey(event);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = s3.getObject(request -> request.bucket(bucket).key(key.get()))) {
            return Optional.of(CachedExtractionCodec.decode(in));
        } catch (NoSuchKeyException notCached) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read cached extraction s3://" + bucket + "/" + key.get(), e);
        }
    }

    @Override
    public void store(ObjectEvent event, ExtractedObject extraction) {
        Optional<String> key = cacheKey(event);
        if (key.isEmpty()) {
            return;
        }
        byte[] entry = CachedExtractionCodec.encode(extraction);
        s3.putObject(request -> request.bucket(bucket).key(key.get()).contentType("application/json")
                .contentEncoding("gzip"), RequestBody.fromBytes(entry));
    }

    /** {@code extractions/<document id>/<hash of version>.json.gz}; hashes keep 1,024-byte keys short and safe. */
    static Optional<String> cacheKey(ObjectEvent event) {
        String version = event.versionId() != null ? "v:" + event.versionId()
                : event.eTag() != null ? "e:" + event.eTag() : null;
        if (version == null) {
            return Optional.empty();
        }
        return Optional.of(PREFIX + DocumentId.of(event.bucket(), event.key()) + "/" + sha256(version) + ".json.gz");
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
