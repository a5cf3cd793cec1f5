package io.docindexer.extract;

import java.util.List;

/** Completes a document whose scanned pages were left to page-range tasks. */
public interface DeferredPages {

    /**
     * The document with each deferred page replaced by the page a range task read, its text
     * budget charged again over all pages in order, and its languages detected anew.
     *
     * @param read at least every deferred page; other pages are ignored
     * @throws IllegalArgumentException when a deferred page is missing from {@code read}
     */
    ExtractedDocument fillIn(ExtractedDocument partial, List<ExtractedPage> read);
}
