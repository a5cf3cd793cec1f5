package io.docindexer.extract;

import java.util.Optional;

/**
 * Lets a long extraction pause and resume page by page: pages finished by an earlier attempt are
 * reused instead of extracted again, and no new page is started once time is up.
 */
public interface ExtractionProgress {

    /** The page as an earlier attempt extracted it, if it did. */
    Optional<ExtractedPage> earlierPage(int number);

    /** True once there is not enough time left to start another page. */
    boolean outOfTime();

    /** A single attempt with all the time it needs: nothing to reuse, never out of time. */
    ExtractionProgress UNLIMITED = new ExtractionProgress() {
        @Override
        public Optional<ExtractedPage> earlierPage(int number) {
            return Optional.empty();
        }

        @Override
        public boolean outOfTime() {
            return false;
        }
    };
}
