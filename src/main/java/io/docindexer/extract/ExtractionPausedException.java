package io.docindexer.extract;

import java.util.List;

/**
 * Time ran out part-way through a long document. Carries the pages finished so far (from the
 * first, without gaps) so that a later attempt can resume after them.
 */
public final class ExtractionPausedException extends RuntimeException {

    private final List<ExtractedPage> finishedPages;
    private final int pageCount;

    public ExtractionPausedException(List<ExtractedPage> finishedPages, int pageCount) {
        super("paused after page " + finishedPages.size() + " of " + pageCount + ": out of time");
        this.finishedPages = List.copyOf(finishedPages);
        this.pageCount = pageCount;
    }

    public List<ExtractedPage> finishedPages() {
        return finishedPages;
    }

    public int pageCount() {
        return pageCount;
    }
}
