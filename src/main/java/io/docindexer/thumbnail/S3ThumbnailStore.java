package io.docindexer.thumbnail;

import io.docindexer.extract.Thumbnail;
import io.docindexer.index.Sequencer;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Thumbnails in a bucket of their own (a prefix of the documents bucket would send notifications
 * for every thumbnail written), private: the app reads them with its own credentials or hands
 * out presigned URLs. Single deletes rather than DeleteObjects: a write supersedes one earlier
 * thumbnail at a time, almost always, and DeleteObjects needs a request checksum that not every
 * S3-compatible server accepts.
 */
public final class S3ThumbnailStore implements ThumbnailStore {

    private final S3Client s3;
    private final String bucket;

    public S3ThumbnailStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<String> put(
            String documentBucket,
            String documentKey,
            String sequencer,
            String versionId,
            String eTag,
            Thumbnail thumbnail) {
        Optional<String> key =
                ThumbnailKeys.of(documentBucket, documentKey, sequencer, versionId, eTag, thumbnail.extension());
        key.ifPresent(thumbnailKey -> s3.putObject(
                request -> request.bucket(bucket).key(thumbnailKey).contentType(thumbnail.mediaType()),
                RequestBody.fromBytes(thumbnail.bytes())));
        return key;
    }

    @Override
    public void delete(String thumbnailKey) {
        s3.deleteObject(request -> request.bucket(bucket).key(thumbnailKey));
    }

    @Override
    public void deleteSuperseded(String documentBucket, String documentKey, String sequencer, String keep) {
        String newest = Sequencer.normalise(sequencer);
        String folder = ThumbnailKeys.folder(documentBucket, documentKey);
        for (S3Object thumbnail : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(folder))
                .contents()) {
            String of = ThumbnailKeys.sequencerOf(thumbnail.key());
            int order = of.compareTo(newest);
            if (order < 0 || order == 0 && !thumbnail.key().equals(keep)) {
                delete(thumbnail.key());
            }
        }
    }
}
