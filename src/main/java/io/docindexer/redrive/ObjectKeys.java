package io.docindexer.redrive;

import io.docindexer.event.ObjectEvent;
import io.docindexer.event.ParsedMessage;
import io.docindexer.event.S3EventParser;
import io.docindexer.event.UnusableMessageException;
import java.util.List;

/** The object keys a dead letter's body announces, read by the same parser the ingest function uses. */
final class ObjectKeys {

    private final S3EventParser parser;

    ObjectKeys(S3EventParser parser) {
        this.parser = parser;
    }

    /**
     * URL-decoded keys (a big scan's page-range task names its file's); none for a test event or a
     * body that is not an S3 event at all.
     */
    List<String> of(String body) {
        try {
            return switch (parser.parse(body)) {
                case ParsedMessage.ObjectEvents objects ->
                    objects.events().stream().map(ObjectEvent::key).toList();
                case ParsedMessage.PageRangeRead range ->
                    List.of(range.task().event().key());
                case ParsedMessage.TestEvent test -> List.of();
            };
        } catch (UnusableMessageException unusable) {
            return List.of();
        }
    }
}
