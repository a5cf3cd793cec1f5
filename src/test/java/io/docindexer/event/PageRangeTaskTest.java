package io.docindexer.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRangeTaskTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final S3EventParser parser = new S3EventParser(JSON);

    private static final ObjectEvent EVENT = new ObjectEvent(
            ObjectEvent.Kind.CREATED,
            "docs",
            "scans/契約書 2026+final.pdf",
            123_456,
            "9b2cf535f27731c974343645a3985328",
            "v1",
            "0055AED6DCD90281E5",
            Instant.parse("2026-12-04T09:00:00Z"),
            "ObjectCreated:Put");

    @Test
    void scannedPagesSplitIntoRangesOfAtMostTheGivenCountSpanningTheTextPagesBetween() {
        assertThat(PageRange.split(List.of(2, 3, 4, 6, 7, 9, 10), 3))
                .containsExactly(new PageRange(2, 4), new PageRange(6, 9), new PageRange(10, 10));
        assertThat(PageRange.split(List.of(), 3)).isEmpty();
    }

    @Test
    void aTaskReadsBackAsItWasSentWithTheKeyUnencoded() {
        List<PageRange> ranges = List.of(new PageRange(1, 10), new PageRange(11, 12));
        PageRangeTask sent = new PageRangeTask(EVENT, ranges.get(1), ranges);

        ParsedMessage parsed = parser.parse(PageRangeTaskJson.encode(sent, JSON));

        assertThat(parsed).isEqualTo(new ParsedMessage.PageRangeRead(sent));
    }

    @Test
    void aTaskWhoseRangeIsNotAmongItsRangesIsUnusable() {
        String body = PageRangeTaskJson.encode(
                        new PageRangeTask(EVENT, new PageRange(1, 2), List.of(new PageRange(1, 2))), JSON)
                .replace("\"range\":[1,2]", "\"range\":[3,4]");

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(UnusableMessageException.class)
                .hasMessageContaining("pages 3-4 is not among the document's ranges");
    }

    @Test
    void aTaskWithABackwardsRangeOrABadSequencerIsUnusable() {
        String body = PageRangeTaskJson.encode(
                new PageRangeTask(EVENT, new PageRange(1, 2), List.of(new PageRange(1, 2))), JSON);

        assertThatThrownBy(() -> parser.parse(body.replace("[1,2]", "[2,1]")))
                .isInstanceOf(UnusableMessageException.class)
                .hasMessageContaining("not a page range: 2-1");
        assertThatThrownBy(() -> parser.parse(body.replace("0055AED6DCD90281E5", "not-hex")))
                .isInstanceOf(UnusableMessageException.class)
                .hasMessageContaining("sequencer");
    }
}
