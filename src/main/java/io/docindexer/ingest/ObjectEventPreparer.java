package io.docindexer.ingest;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.batch.ErrorClassifier;
import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.Preparation;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordPreparer;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.ParsedMessage;
import io.docindexer.event.S3EventParser;
import io.docindexer.event.UnusableMessageException;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.MetadataOnlyReason;
import io.docindexer.extract.TextExtractor;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexedDocument;
import io.docindexer.source.DocumentSource;
import io.docindexer.source.FetchedObject;
import io.docindexer.source.ObjectGoneException;
import io.docindexer.source.ObjectTooLargeException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one SQS message into the index writes that record its S3 events: deletes become
 * tombstones, new objects are downloaded and extracted. Content problems become metadata-only
 * documents; only transient trouble asks for a retry.
 */
public final class ObjectEventPreparer implements RecordPreparer {

    private final S3EventParser parser;
    private final DocumentSource source;
    private final TextExtractor extractor;
    private final Clock clock;

    public ObjectEventPreparer(S3EventParser parser, DocumentSource source, TextExtractor extractor, Clock clock) {
        this.parser = parser;
        this.source = source;
        this.extractor = extractor;
        this.clock = clock;
    }

    @Override
    public Preparation prepare(SQSMessage message) {
        String messageId = message.getMessageId();
        ParsedMessage parsed;
        try {
            parsed = parser.parse(message.getBody());
        } catch (UnusableMessageException unusable) {
            return new Preparation.Settled(new RecordOutcome.Reject(messageId, unusable.getMessage()));
        }
        if (parsed instanceof ParsedMessage.TestEvent) {
            return new Preparation.Settled(new RecordOutcome.Done(messageId, "s3:TestEvent ignored"));
        }
        List<IndexOperation> operations = new ArrayList<>();
        List<ObjectSummary> objects = new ArrayList<>();
        for (ObjectEvent event : ((ParsedMessage.ObjectEvents) parsed).events()) {
            try {
                prepare(event, operations, objects);
            } catch (IOException | RuntimeException e) {
                return new Preparation.Settled(
                        ErrorClassifier.outcomeOf(messageId, "s3://" + event.bucket() + "/" + event.key(), e), objects);
            }
        }
        return new Preparation.Indexable(messageId, operations, objects);
    }

    private void prepare(ObjectEvent event, List<IndexOperation> operations, List<ObjectSummary> objects)
            throws IOException {
        if (event.kind() == ObjectEvent.Kind.REMOVED) {
            operations.add(new IndexOperation.Delete(event.bucket(), event.key(), event.sequencer()));
            objects.add(ObjectSummary.of(event.bucket(), event.key(), "deleted"));
            return;
        }
        long started = System.nanoTime();
        try (FetchedObject object = source.fetch(event)) {
            ExtractedDocument extracted = extractor.extract(object.file(), event.fileName());
            long extractMillis = (System.nanoTime() - started) / 1_000_000;
            IndexedDocument document = IndexedDocuments.of(event, object, extracted, clock.instant());
            operations.add(new IndexOperation.Upsert(document));
            objects.add(new ObjectSummary(event.bucket(), event.key(), document.status(), document.reason(),
                    extracted.pageCount(), extracted.ocrPageCount(), document.content().length(), object.size(),
                    extractMillis));
        } catch (ObjectGoneException gone) {
            // Its ObjectRemoved event (or a newer Put's) follows and will record the final state.
            objects.add(ObjectSummary.of(event.bucket(), event.key(), "skipped: object no longer exists"));
        } catch (ObjectTooLargeException tooLarge) {
            IndexedDocument document = IndexedDocuments.metadataOnly(event, tooLarge.size(),
                    MetadataOnlyReason.TOO_LARGE, clock.instant());
            operations.add(new IndexOperation.Upsert(document));
            objects.add(new ObjectSummary(event.bucket(), event.key(), document.status(), document.reason(),
                    0, 0, 0, 0, 0));
        }
    }
}
