package io.docindexer.source;

import io.docindexer.event.ObjectEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Streams objects from S3 into temporary files with generated names: a key never becomes a path,
 * and no more than the size limit is ever read.
 */
public final class S3DocumentSource implements DocumentSource {

    private final S3Client s3;
    private final Path tempDirectory;
    private final long maxObjectBytes;

    public S3DocumentSource(S3Client s3, Path tempDirectory, long maxObjectBytes) {
        this.s3 = s3;
        this.tempDirectory = tempDirectory;
        this.maxObjectBytes = maxObjectBytes;
    }

    @Override
    public FetchedObject fetch(ObjectEvent event) throws IOException {
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(event.bucket())
                .key(event.key())
                .versionId(event.versionId())
                .build();
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(request)) {
            GetObjectResponse response = body.response();
            long size = response.contentLength() == null ? -1 : response.contentLength();
            if (size > maxObjectBytes) {
                // Closing without draining aborts the connection: we never pay for the bytes.
                body.abort();
                throw new ObjectTooLargeException(size, maxObjectBytes, response.metadata());
            }
            Path file = Files.createTempFile(tempDirectory, "object-", ".bin");
            try {
                MessageDigest sha256 = sha256();
                long copied =
                        copyAtMost(new DigestInputStream(body, sha256), file, maxObjectBytes, response.metadata());
                return new FetchedObject(
                        file,
                        copied,
                        response.contentType(),
                        response.eTag(),
                        response.versionId(),
                        response.lastModified(),
                        HexFormat.of().formatHex(sha256.digest()),
                        response.metadata());
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (S3Exception e) {
            if (isGone(e)) {
                throw new ObjectGoneException(event.bucket(), event.key());
            }
            // Throttling, 5xx, access denied, a missing bucket: worth retrying, and an operator's
            // problem if it persists until the DLQ.
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Only a missing key or version means "gone"; a missing bucket is a deployment problem. */
    private static boolean isGone(S3Exception e) {
        if (e instanceof NoSuchKeyException) {
            return true;
        }
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return "NoSuchKey".equals(code) || "NoSuchVersion".equals(code);
    }

    private static long copyAtMost(InputStream in, Path file, long limit, Map<String, String> userMetadata)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = in.read(buffer)) != -1; ) {
                total += read;
                if (total > limit) {
                    throw new ObjectTooLargeException(total, limit, userMetadata);
                }
                out.write(buffer, 0, read);
            }
            return total;
        }
    }
}
