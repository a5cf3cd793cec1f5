package io.docindexer.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.cache.ExtractedObject;
import io.docindexer.cache.ExtractionCache;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.PageRange;
import io.docindexer.event.PageRangeTask;
import io.docindexer.event.PageRangeTaskJson;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.ExtractionProgress;
import io.docindexer.invocation.FifoQueues;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Spreads a big scan over concurrent invocations. A PDF with more scanned pages than a range holds
 * is first indexed without them (its text layers, metadata and thumbnail, status {@code partial}),
 * and a page-range task for every {@code pagesPerRange} of its scanned pages goes back to the
 * queue, for {@link PageRangePreparer} to read side by side. Off for FIFO queues, whose messages
 * of a group run one at a time anyway, for events that name no version (nothing to keep the
 * ranges' pages against), and when {@code pagesPerRange} is 0 (no cache bucket for the ranges to
 * meet in): those scans are read in one message and its continuations.
 */
final class FanOut {

    private final int pagesPerRange;
    private final ExtractionCache cache;
    private final PageRangeQueue queue;
    private final ObjectMapper json;

    /** @param pagesPerRange scanned pages per range task; 0 for none */
    FanOut(int pagesPerRange, ExtractionCache cache, PageRangeQueue queue, ObjectMapper json) {
        this.pagesPerRange = pagesPerRange;
        this.cache = cache;
        this.queue = queue;
        this.json = json;
    }

    /** The attempt's progress, deferring every scanned page when there may be more than a range of them. */
    ExtractionProgress progress(ExtractionProgress attempt, ObjectEvent event, String queueArn) {
        if (pagesPerRange == 0 || FifoQueues.isFifo(queueArn) || (event.versionId() == null && event.eTag() == null)) {
            return attempt;
        }
        return new ExtractionProgress() {
            @Override
            public Optional<ExtractedPage> earlierPage(int number) {
                return attempt.earlierPage(number);
            }

            @Override
            public boolean outOfTime() {
                return attempt.outOfTime();
            }

            @Override
            public IntPredicate scannedPagesReadHere(List<Integer> pagesShowingImages) {
                // A page with a picture and a text layer is read here all the same: a brochure
                // with an image on every page is no scan, and nothing of it is deferred.
                return pagesShowingImages.size() > pagesPerRange
                        ? page -> false
                        : attempt.scannedPagesReadHere(pagesShowingImages);
            }
        };
    }

    /**
     * Keeps the partial reading where the last range task will find it, then sends a task per
     * range. Sent again when the event is retried: a range already read is then found in the cache.
     */
    void start(ObjectEvent event, ExtractedObject partial, String queueArn) {
        cache.store(event, partial);
        List<PageRange> ranges = PageRange.split(partial.document().deferredPages(), pagesPerRange);
        queue.send(
                queueArn,
                PageRangeTask.forEach(event, ranges).stream()
                        .map(task -> PageRangeTaskJson.encode(task, json))
                        .toList());
    }
}
