package io.docindexer.event;

import java.util.List;

/** What an SQS message body turned out to be. */
public sealed interface ParsedMessage {

    /** One or more object changes (S3 batches rarely, but a notification may hold several records). */
    record ObjectEvents(List<ObjectEvent> events) implements ParsedMessage {
        public ObjectEvents {
            events = List.copyOf(events);
        }
    }

    /** The {@code s3:TestEvent} S3 sends when a notification is configured: nothing to do. */
    record TestEvent(String bucket) implements ParsedMessage {}

    /** A range of a big scan's pages to read, sent by the function itself (see {@link PageRangeTask}). */
    record PageRangeRead(PageRangeTask task) implements ParsedMessage {}
}
