package io.docindexer.cache;

import io.docindexer.event.ObjectEvent;
import io.docindexer.event.PageRange;
import io.docindexer.extract.ExtractedPage;
import java.util.List;
import java.util.Optional;

/**
 * Extraction results by object version, so that a retry after an OpenSearch outage does not OCR the
 * same file again, and page checkpoints, so that a document too long for one invocation resumes
 * where the last one stopped. Entries are found only for the exact version (version id, else ETag) an event
 * names; an event that names neither is never cached.
 */
public interface ExtractionCache {

    Optional<ExtractedObject> find(ObjectEvent event);

    void store(ObjectEvent event, ExtractedObject extraction);

    /** The pages of a long document that an attempt which ran out of time had finished. */
    Optional<List<ExtractedPage>> findCheckpoint(ObjectEvent event);

    void storeCheckpoint(ObjectEvent event, List<ExtractedPage> finishedPages);

    /** The pages a page-range task read, for the version the event names. */
    Optional<List<ExtractedPage>> findRange(ObjectEvent event, PageRange range);

    /** Whether a page-range task of the version has stored its pages: cheaper than reading them. */
    boolean hasRange(ObjectEvent event, PageRange range);

    void storeRange(ObjectEvent event, PageRange range, List<ExtractedPage> pages);

    /** For deployments without a cache bucket: nothing is stored, nothing is found. */
    ExtractionCache NONE = new ExtractionCache() {
        @Override
        public Optional<ExtractedObject> find(ObjectEvent event) {
            return Optional.empty();
        }

        @Override
        public void store(ObjectEvent event, ExtractedObject extraction) {}

        @Override
        public Optional<List<ExtractedPage>> findCheckpoint(ObjectEvent event) {
            return Optional.empty();
        }

        /** Without a place to keep progress, a continuation would start over for ever. */
        @Override
        public void storeCheckpoint(ObjectEvent event, List<ExtractedPage> finishedPages) {
            throw new IllegalStateException("no CACHE_BUCKET is configured to keep the progress of long documents");
        }

        @Override
        public Optional<List<ExtractedPage>> findRange(ObjectEvent event, PageRange range) {
            return Optional.empty();
        }

        @Override
        public boolean hasRange(ObjectEvent event, PageRange range) {
            return false;
        }

        /** Ranges meet only in the cache: without one, big scans are read in one message and its continuations. */
        @Override
        public void storeRange(ObjectEvent event, PageRange range, List<ExtractedPage> pages) {
            throw new IllegalStateException("no CACHE_BUCKET is configured to collect the page ranges of big scans");
        }
    };
}
