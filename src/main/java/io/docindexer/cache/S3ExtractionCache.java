package io.docindexer.cache;

import io.docindexer.event.ObjectEvent;
import io.docindexer.event.PageRange;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.index.DocumentId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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
    static final String RESULT = ".json.gz";
    static final String CHECKPOINT = ".checkpoint.json.gz";

    private final S3Client s3;
    private final String bucket;

    public S3ExtractionCache(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A checkpoint or a page range's result is a list of pages; wrapped so that JSON keeps its element type. */
    record Checkpoint(List<ExtractedPage> pages) {}

    @Override
    public Optional<ExtractedObject> find(ObjectEvent event) {
        return cacheKey(event, RESULT).flatMap(key -> read(key, ExtractedObject.class));
    }

    @Override
    public void store(ObjectEvent event, ExtractedObject extraction) {
        cacheKey(event, RESULT).ifPresent(key -> write(key, extraction));
    }

    @Override
    public Optional<List<ExtractedPage>> findCheckpoint(ObjectEvent event) {
        return cacheKey(event, CHECKPOINT)
                .flatMap(key -> read(key, Checkpoint.class))
                .map(Checkpoint::pages);
    }

    @Override
    public void storeCheckpoint(ObjectEvent event, List<ExtractedPage> finishedPages) {
        String key = cacheKey(event, CHECKPOINT)
                .orElseThrow(() -> new IllegalStateException("s3://" + event.bucket() + "/" + event.key()
                        + ": the event names no version or ETag to checkpoint against"));
        write(key, new Checkpoint(finishedPages));
    }

    @Override
    public Optional<List<ExtractedPage>> findRange(ObjectEvent event, PageRange range) {
        return cacheKey(event, rangeSuffix(range))
                .flatMap(key -> read(key, Checkpoint.class))
                .map(Checkpoint::pages);
    }

    @Override
    public boolean hasRange(ObjectEvent event, PageRange range) {
        return cacheKey(event, rangeSuffix(range)).filter(this::exists).isPresent();
    }

    @Override
    public void storeRange(ObjectEvent event, PageRange range, List<ExtractedPage> pages) {
        String key = cacheKey(event, rangeSuffix(range))
                .orElseThrow(() -> new IllegalStateException("s3://" + event.bucket() + "/" + event.key()
                        + ": the event names no version or ETag to keep page ranges for"));
        write(key, new Checkpoint(pages));
    }

    private static String rangeSuffix(PageRange range) {
        return ".pages-" + range.first() + "-" + range.last() + RESULT;
    }

    private boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException notCached) {
            return false;
        }
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        try (InputStream in = s3.getObject(request -> request.bucket(bucket).key(key))) {
            return Optional.of(CachedExtractionCodec.decode(in, type));
        } catch (NoSuchKeyException notCached) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read s3://" + bucket + "/" + key, e);
        }
    }

    private void write(String key, Object value) {
        byte[] entry = CachedExtractionCodec.encode(value);
        s3.putObject(
                request -> request.bucket(bucket)
                        .key(key)
                        .contentType("application/json")
                        .contentEncoding("gzip"),
                RequestBody.fromBytes(entry));
    }

    /**
     * {@code extractions/<document id>/<hash of version><suffix>}; hashes keep 1,024-byte keys short
     * and safe.
     */
    static Optional<String> cacheKey(ObjectEvent event, String suffix) {
        String version = event.versionId() != null
                ? "v:" + event.versionId()
                : event.eTag() != null ? "e:" + event.eTag() : null;
        if (version == null) {
            return Optional.empty();
        }
        return Optional.of(PREFIX + DocumentId.of(event.bucket(), event.key()) + "/" + sha256(version) + suffix);
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
