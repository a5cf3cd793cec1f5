package io.docindexer.extract;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Lets a long extraction pause and resume page by page: pages finished by an earlier attempt are
 * reused instead of extracted again, and no new page is started once time is up.
 */
public interface ExtractionProgress {

    /** The page as an earlier attempt extracted it, if it did. */
    Optional<ExtractedPage> earlierPage(int number);

    /** True once there is not enough time left to start another page. */
    boolean outOfTime();

    /**
     * Which of a PDF's scanned pages this attempt reads, given the pages that may be scans: those
     * left to read that show an image, in order (a page is a scan if, besides, it has no text
     * layer). The others come out {@link ExtractedPage#deferred}, for page-range tasks to read.
     * All of them unless an attempt says otherwise.
     */
    default IntPredicate scannedPagesReadHere(List<Integer> pagesShowingImages) {
        return page -> true;
    }

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
