package io.docindexer.redrive;

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

    /** URL-decoded keys; none for a test event or a body that is not an S3 event at all. */
    List<String> of(String body) {
        try {
            return parser.parse(body) instanceof ParsedMessage.ObjectEvents objects
                    ? objects.events().stream().map(event -> event.key()).toList()
                    : List.of();
        } catch (UnusableMessageException unusable) {
            return List.of();
        }
    }
}
