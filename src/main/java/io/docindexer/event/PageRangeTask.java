package io.docindexer.event;

import java.util.List;

/**
 * One range of a big scan's pages, read by an invocation of its own while other invocations read
 * the other ranges. It names the S3 event of the version it belongs to, so that a newer version
 * or a delete of the object makes it a no-op, and every range of that version, so that the one
 * that finishes last can tell that the document is complete.
 */
public record PageRangeTask(ObjectEvent event, PageRange range, List<PageRange> allRanges) {

    public PageRangeTask {
        allRanges = List.copyOf(allRanges);
        if (!allRanges.contains(range)) {
            throw new IllegalArgumentException(range + " is not among the document's ranges " + allRanges);
        }
    }

    /** A task for each range, all naming the same event. */
    public static List<PageRangeTask> forEach(ObjectEvent event, List<PageRange> ranges) {
        return ranges.stream()
                .map(range -> new PageRangeTask(event, range, ranges))
                .toList();
    }
}
