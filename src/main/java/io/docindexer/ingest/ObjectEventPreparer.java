package io.docindexer.ingest;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.batch.ErrorClassifier;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.Preparation;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordPreparer;
import io.docindexer.cache.ExtractedObject;
import io.docindexer.cache.ExtractionCache;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.ParsedMessage;
import io.docindexer.event.S3EventParser;
import io.docindexer.event.UnusableMessageException;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.ExtractionPausedException;
import io.docindexer.extract.MetadataOnlyReason;
import io.docindexer.extract.TextExtractor;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexedDocument;
import io.docindexer.invocation.ReceiveCount;
import io.docindexer.invocation.TimeBudget;
import io.docindexer.source.DocumentSource;
import io.docindexer.source.FetchedObject;
import io.docindexer.source.ObjectGoneException;
import io.docindexer.source.ObjectTooLargeException;
import io.docindexer.sqs.MessageAttributes;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one SQS message into the index writes that record its S3 events: deletes become
 * tombstones, new objects are downloaded and extracted. Content problems become metadata-only
 * documents; only transient trouble asks for a retry.
 */
public final class ObjectEventPreparer implements RecordPreparer {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectEventPreparer.class);
    private static final long COSTLY_EXTRACTION_MILLIS = 1_000;

    private final S3EventParser parser;
    private final DocumentSource source;
    private final TextExtractor extractor;
    private final ExtractionCache cache;
    private final Clock clock;

    public ObjectEventPreparer(S3EventParser parser, DocumentSource source, TextExtractor extractor,
            ExtractionCache cache, Clock clock) {
        this.parser = parser;
        this.source = source;
        this.extractor = extractor;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public Preparation prepare(SQSMessage message, TimeBudget budget) {
        String messageId = message.getMessageId();
        ParsedMessage parsed;
        try {
            parsed = parser.parse(message.getBody());
        } catch (UnusableMessageException unusable) {
            return new Preparation.Rejected(messageId, unusable.getMessage(), List.of());
        }
        if (parsed instanceof ParsedMessage.TestEvent) {
            return new Preparation.Settled(new RecordOutcome.Skipped(messageId, "s3:TestEvent ignored"));
        }
        // Only a message that was tried before can have a cached extraction or a checkpoint.
        Attempt attempt = new Attempt(ReceiveCount.of(message) > 1 || isContinuation(message), budget);
        List<IndexOperation> operations = new ArrayList<>();
        List<ObjectSummary> objects = new ArrayList<>();
        for (ObjectEvent event : ((ParsedMessage.ObjectEvents) parsed).events()) {
            try {
                prepare(event, attempt, operations, objects);
            } catch (ExtractionPausedException paused) {
                return checkpoint(messageId, event, paused, objects);
            } catch (IOException | RuntimeException e) {
                return ErrorClassifier.classify(messageId, "s3://" + event.bucket() + "/" + event.key(), e, objects);
            }
        }
        return new Preparation.Indexable(messageId, operations, objects);
    }

    /** What this delivery of the message may reuse, and its time. */
    private record Attempt(boolean triedBefore, TimeBudget budget) {}

    private void prepare(ObjectEvent event, Attempt attempt, List<IndexOperation> operations,
            List<ObjectSummary> objects) throws IOException {
        if (event.kind() == ObjectEvent.Kind.REMOVED) {
            operations.add(new IndexOperation.Delete(event.bucket(), event.key(), event.sequencer()));
            objects.add(ObjectSummary.of(event.bucket(), event.key(), ObjectStatus.DELETED, null));
            return;
        }
        long started = System.nanoTime();
        ExtractedObject extracted;
        try {
            extracted = attempt.triedBefore() ? findCached(event).orElse(null) : null;
            if (extracted == null) {
                extracted = fetchAndExtract(event, attempt);
                cacheIfCostly(event, extracted, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (ObjectGoneException gone) {
            // Its ObjectRemoved event (or a newer Put's) follows and will record the final state.
            objects.add(ObjectSummary.of(event.bucket(), event.key(), ObjectStatus.SKIPPED, "object no longer exists"));
            return;
        } catch (ObjectTooLargeException tooLarge) {
            extracted = new ExtractedObject(tooLarge.size(), null, event.eTag(), event.versionId(), event.eventTime(),
                    ExtractedDocument.metadataOnly(null, MetadataOnlyReason.TOO_LARGE));
        }
        long extractMillis = (System.nanoTime() - started) / 1_000_000;
        IndexedDocument document = IndexedDocuments.of(event, extracted, clock.instant());
        operations.add(new IndexOperation.Upsert(document));
        objects.add(new ObjectSummary(event.bucket(), event.key(), IndexedDocuments.statusOf(extracted.document()), document.reason(),
                document.pages(), document.ocrPages(), document.content().length(), extracted.size(), extractMillis));
    }

    /**
     * Downloads and extracts the object. A checkpoint is only used, or made, for the version the
     * event names: an object overwritten since would mix two versions' pages. Such an event is
     * skipped when it runs out of time, since the overwrite's own event indexes the new content.
     */
    private ExtractedObject fetchAndExtract(ObjectEvent event, Attempt attempt) throws IOException {
        try (FetchedObject object = source.fetch(event)) {
            boolean namedVersion = isVersionNamedBy(event, object.eTag());
            List<ExtractedPage> earlier = attempt.triedBefore() && namedVersion ? checkpointOf(event) : List.of();
            ExtractedDocument document;
            try {
                document = extractor.extract(object.file(), event.fileName(), new CheckpointProgress(earlier, attempt.budget()));
            } catch (ExtractionPausedException paused) {
                if (!namedVersion) {
                    throw new ObjectGoneException(event.bucket(), event.key());
                }
                throw paused;
            }
            return new ExtractedObject(object.size(), object.contentType(), object.eTag(), object.versionId(),
                    object.lastModified(), document);
        }
    }

    private List<ExtractedPage> checkpointOf(ObjectEvent event) {
        try {
            return cache.findCheckpoint(event).orElse(List.of());
        } catch (RuntimeException unreadable) {
            LOG.warn("checkpoint unreadable for s3://{}/{}: {}", event.bucket(), event.key(), unreadable.toString());
            return List.of();
        }
    }

    /**
     * Saves the pages finished so far; the batch then sends a continuation message. Without a
     * saved checkpoint a continuation would start over, so then the record is retried instead.
     */
    private Preparation checkpoint(String messageId, ObjectEvent event, ExtractionPausedException paused,
            List<ObjectSummary> objects) {
        String where = "s3://" + event.bucket() + "/" + event.key();
        try {
            cache.storeCheckpoint(event, paused.finishedPages());
        } catch (RuntimeException unsaved) {
            return ErrorClassifier.classify(messageId, where + ": " + paused.getMessage() + ", and its progress could not be saved",
                    unsaved, objects);
        }
        objects.add(ObjectSummary.of(event.bucket(), event.key(), ObjectStatus.CONTINUED, paused.getMessage()));
        return new Preparation.Continued(messageId, where + " " + paused.getMessage(), objects);
    }

    private static boolean isContinuation(SQSMessage message) {
        return message.getMessageAttributes() != null
                && message.getMessageAttributes().containsKey(MessageAttributes.CONTINUATION);
    }

    /** A cache that cannot be read is a miss, never a failure. */
    private Optional<ExtractedObject> findCached(ObjectEvent event) {
        try {
            return cache.find(event);
        } catch (RuntimeException unreadable) {
            LOG.warn("extraction cache unreadable for s3://{}/{}: {}", event.bucket(), event.key(), unreadable.toString());
            return Optional.empty();
        }
    }

    /**
     * The cache is keyed by the version or ETag the event names, but an object fetched without a
     * version id is whatever is current, perhaps a later overwrite. Kept under this event's ETag,
     * that text would be served to a retry of a later event for the same ETag (content written
     * back) as if it were that version's.
     */
    private static boolean isVersionNamedBy(ObjectEvent event, String fetchedETag) {
        if (event.versionId() != null || event.eTag() == null) {
            return true;
        }
        return fetchedETag != null && event.eTag().replace("\"", "").equals(fetchedETag.replace("\"", ""));
    }

    /**
     * OCR and long extractions are worth a cache write before indexing; a text file re-extracts
     * in less time than the round trip to the cache would take.
     */
    private void cacheIfCostly(ObjectEvent event, ExtractedObject extracted, long extractMillis) {
        if (extracted.document().ocrPageCount() == 0 && extractMillis < COSTLY_EXTRACTION_MILLIS) {
            return;
        }
        if (!isVersionNamedBy(event, extracted.eTag())) {
            return;
        }
        try {
            cache.store(event, extracted);
        } catch (RuntimeException unwritable) {
            LOG.warn("could not cache the extraction of s3://{}/{}: {}", event.bucket(), event.key(), unwritable.toString());
        }
    }
}
