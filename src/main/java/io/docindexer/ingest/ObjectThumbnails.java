package io.docindexer.ingest;

import io.docindexer.cache.ExtractedObject;
import io.docindexer.event.ObjectEvent;
import io.docindexer.extract.Thumbnail;
import io.docindexer.thumbnail.ThumbnailStore;

/**
 * Stores an object's thumbnail before the write that names it, so the index never names one that
 * is not there yet; {@code ThumbnailTidying} deletes it if the write turns out stale. A cached,
 * resumed or completed extraction stores under the same key as the first attempt: one thumbnail
 * per event.
 */
final class ObjectThumbnails {

    private final ThumbnailStore store;

    ObjectThumbnails(ThumbnailStore store) {
        this.store = store;
    }

    /** @return its key, or null when there is none */
    String store(ObjectEvent event, ExtractedObject extracted) {
        Thumbnail thumbnail = extracted.document().thumbnail();
        if (thumbnail == null) {
            return null;
        }
        return store.put(
                        event.bucket(),
                        event.key(),
                        event.sequencer(),
                        extracted.versionId() != null ? extracted.versionId() : event.versionId(),
                        extracted.eTag() != null ? extracted.eTag() : event.eTag(),
                        thumbnail)
                .orElse(null);
    }
}
