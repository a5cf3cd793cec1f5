package io.docindexer.cache;

import io.docindexer.event.ObjectEvent;
import java.util.Optional;

/**
 * Extraction results by object version, so that a retry after an OpenSearch outage does not OCR the
 * same file again. Entries are found only for the exact version (version id, else ETag) an event
 * names; an event that names neither is never cached.
 */
public interface ExtractionCache {

    Optional<ExtractedObject> find(ObjectEvent event);

    void store(ObjectEvent event, ExtractedObject extraction);

    /** For deployments without a cache bucket: nothing is stored, nothing is found. */
    ExtractionCache NONE = new ExtractionCache() {
        @Override
        public Optional<ExtractedObject> find(ObjectEvent event) {
            return Optional.empty();
        }

        @Override
        public void store(ObjectEvent event, ExtractedObject extraction) {}
    };
}
