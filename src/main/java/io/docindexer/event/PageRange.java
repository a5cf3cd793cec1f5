package io.docindexer.event;

import java.util.ArrayList;
import java.util.List;

/** Pages {@code first} to {@code last} of a document, both included, numbered from 1. */
public record PageRange(int first, int last) {

    public PageRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("not a page range: " + first + "-" + last);
        }
    }

    public boolean contains(int page) {
        return page >= first && page <= last;
    }

    /**
     * The given pages in ranges of at most {@code pagesPerRange} of them, in order. A range runs
     * from its first page to its last, so that it may span pages not given (a text page between
     * two scans) without reading them.
     *
     * @param pages page numbers in increasing order
     */
    public static List<PageRange> split(List<Integer> pages, int pagesPerRange) {
        if (pagesPerRange < 1) {
            throw new IllegalArgumentException("pagesPerRange must be at least 1, not " + pagesPerRange);
        }
        List<PageRange> ranges = new ArrayList<>();
        for (int start = 0; start < pages.size(); start += pagesPerRange) {
            int end = Math.min(start + pagesPerRange, pages.size()) - 1;
            ranges.add(new PageRange(pages.get(start), pages.get(end)));
        }
        return List.copyOf(ranges);
    }

    @Override
    public String toString() {
        return "pages " + first + "-" + last;
    }
}
