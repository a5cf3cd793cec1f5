package io.docindexer.thumbnail;

import io.docindexer.extract.Thumbnail;
import java.util.Optional;

/**
 * Thumbnails kept for the app, one per object version, under keys from {@link ThumbnailKeys}.
 * Which of them may go is {@link ThumbnailTidying}'s decision; this only stores and deletes.
 */
public interface ThumbnailStore {

    /**
     * Stores the thumbnail of the object version an event announced.
     *
     * @return its key, or empty when nothing was stored (no thumbnail bucket, or no key for the event)
     */
    Optional<String> put(
            String bucket, String key, String sequencer, String versionId, String eTag, Thumbnail thumbnail);

    /** Deletes one thumbnail; a thumbnail already gone is not an error. */
    void delete(String thumbnailKey);

    /**
     * Deletes the object's thumbnails from events older than {@code sequencer}, and those of the
     * same event but another version (an unversioned object overwritten between two attempts)
     * other than {@code keep}.
     *
     * @param keep the thumbnail the write names, or null
     */
    void deleteSuperseded(String bucket, String key, String sequencer, String keep);

    /** For deployments without a thumbnail bucket: nothing is stored, so there is nothing to delete. */
    ThumbnailStore NONE = new ThumbnailStore() {
        @Override
        public Optional<String> put(
                String bucket, String key, String sequencer, String versionId, String eTag, Thumbnail thumbnail) {
            return Optional.empty();
        }

        @Override
        public void delete(String thumbnailKey) {}

        @Override
        public void deleteSuperseded(String bucket, String key, String sequencer, String keep) {}
    };
}
