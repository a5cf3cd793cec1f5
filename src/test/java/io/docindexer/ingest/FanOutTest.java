package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.cache.ExtractedObject;
import io.docindexer.cache.ExtractionCache;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.PageRange;
import io.docindexer.event.ParsedMessage;
import io.docindexer.event.S3EventParser;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.ExtractionProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanOutTest {

    private static final String QUEUE = "arn:aws:sqs:ap-northeast-1:123456789012:ingest";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> sent = new ArrayList<>();
    private final FanOut fanOut = new FanOut(3, ExtractionCache.NONE, (queueArn, bodies) -> sent.addAll(bodies), JSON);

    @Test
    void moreScansThanOneRangeAreAllLeftToRangeTasksAndOneRangesWorthIsReadHere() {
        IntPredicate four = fanOut.progress(ExtractionProgress.UNLIMITED, event("v1", "e1"), QUEUE)
                .scannedPagesReadHere(List.of(1, 2, 3, 4));
        IntPredicate three = fanOut.progress(ExtractionProgress.UNLIMITED, event("v1", "e1"), QUEUE)
                .scannedPagesReadHere(List.of(1, 2, 3));

        assertThat(IntStream.rangeClosed(1, 4).filter(four)).isEmpty();
        assertThat(IntStream.rangeClosed(1, 3).filter(three)).containsExactly(1, 2, 3);
    }

    @Test
    void aFifoQueueOrAnEventThatNamesNoVersionReadsEveryScanHere() {
        List<Integer> pages = List.of(1, 2, 3, 4, 5);

        IntPredicate fifo = fanOut.progress(ExtractionProgress.UNLIMITED, event("v1", "e1"), QUEUE + ".fifo")
                .scannedPagesReadHere(pages);
        IntPredicate unversioned = fanOut.progress(ExtractionProgress.UNLIMITED, event(null, null), QUEUE)
                .scannedPagesReadHere(pages);

        assertThat(IntStream.rangeClosed(1, 5).filter(fifo)).hasSize(5);
        assertThat(IntStream.rangeClosed(1, 5).filter(unversioned)).hasSize(5);
    }

    @Test
    void startingSendsATaskPerRangeOfTheDeferredPagesEachNamingAllOfThem() {
        ObjectEvent event = event("v1", "e1");
        List<ExtractedPage> pages = new ArrayList<>();
        pages.add(ExtractedPage.fromTextLayer(1, "cover"));
        IntStream.rangeClosed(2, 8).forEach(number -> pages.add(ExtractedPage.deferred(number)));
        ExtractedObject partial = new ExtractedObject(
                1,
                "application/pdf",
                "e1",
                "v1",
                Instant.EPOCH,
                ExtractedDocument.ofPages("application/pdf", pages, false),
                null,
                null);

        fanOut.start(event, partial, QUEUE);

        List<PageRange> expected = List.of(new PageRange(2, 4), new PageRange(5, 7), new PageRange(8, 8));
        assertThat(sent).hasSize(3);
        assertThat(sent.stream().map(body -> new S3EventParser(JSON).parse(body)))
                .allSatisfy(parsed -> assertThat(parsed)
                        .isInstanceOfSatisfying(ParsedMessage.PageRangeRead.class, read -> {
                            assertThat(read.task().event()).isEqualTo(event);
                            assertThat(read.task().allRanges()).isEqualTo(expected);
                        }))
                .extracting(
                        parsed -> ((ParsedMessage.PageRangeRead) parsed).task().range())
                .containsExactlyElementsOf(expected);
    }

    private static ObjectEvent event(String versionId, String eTag) {
        return new ObjectEvent(
                ObjectEvent.Kind.CREATED,
                "docs",
                "scans/big.pdf",
                1,
                eTag,
                versionId,
                "0055AED6DCD90281E5",
                Instant.parse("2026-12-04T09:00:00Z"),
                "ObjectCreated:Put");
    }
}
