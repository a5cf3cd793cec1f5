package io.docindexer.ingest;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.docindexer.extract.DeferredPages;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.ExtractionPausedException;
import io.docindexer.extract.MetadataOnlyReason;
import io.docindexer.extract.TextExtractor;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexedDocument;
import io.docindexer.invocation.LogContext;
import io.docindexer.invocation.TimeBudget;
import io.docindexer.source.DocumentSource;
import io.docindexer.source.FetchedObject;
import io.docindexer.source.ObjectGoneException;
import io.docindexer.source.ObjectTooLargeException;
import io.docindexer.thumbnail.ThumbnailStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one SQS message into the index writes that record its S3 events: deletes become
 * tombstones, new objects are downloaded and extracted. Content problems become metadata-only
 * documents; only transient trouble asks for a retry. What an attempt may reuse from an earlier
 * one, and keep for a later one, is {@link ExtractionReuse}'s to decide.
 */
public final class S3EventPreparer implements RecordPreparer {

    private final S3EventParser parser;
    private final DocumentSource source;
    private final TextExtractor extractor;
    private final ExtractionReuse reuse;
    private final ObjectThumbnails thumbnails;
    private final Clock clock;
    private final FanOut fanOut;
    private final PageRangePreparer pageRanges;

    /** @param pagesPerRange scanned pages per page-range task of a big scan (see {@link FanOut}); 0 for none */
    public S3EventPreparer(
            S3EventParser parser,
            DocumentSource source,
            DocumentExtractor extractor,
            ExtractionCache cache,
            ThumbnailStore thumbnails,
            Clock clock,
            int pagesPerRange,
            PageRangeQueue pageRangeQueue) {
        this(parser, source, extractor, extractor, cache, thumbnails, clock, pagesPerRange, pageRangeQueue);
    }

    S3EventPreparer(
            S3EventParser parser,
            DocumentSource source,
            TextExtractor extractor,
            DeferredPages deferredPages,
            ExtractionCache cache,
            ThumbnailStore thumbnails,
            Clock clock,
            int pagesPerRange,
            PageRangeQueue pageRangeQueue) {
        this.parser = parser;
        this.source = source;
        this.extractor = extractor;
        this.reuse = new ExtractionReuse(cache);
        this.thumbnails = new ObjectThumbnails(thumbnails);
        this.clock = clock;
        this.fanOut = new FanOut(pagesPerRange, cache, pageRangeQueue, new ObjectMapper());
        this.pageRanges = new PageRangePreparer(source, extractor, deferredPages, cache, this.thumbnails, clock);
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
        return switch (parsed) {
            case ParsedMessage.TestEvent test ->
                new Preparation.Settled(new RecordOutcome.Skipped(messageId, "s3:TestEvent ignored"));
            case ParsedMessage.ObjectEvents objectEvents ->
                prepareObjects(messageId, objectEvents.events(), message, budget);
            case ParsedMessage.PageRangeRead range -> pageRanges.prepare(messageId, range.task(), budget);
        };
    }

    private Preparation prepareObjects(
            String messageId, List<ObjectEvent> events, SQSMessage message, TimeBudget budget) {
        Attempt attempt = new Attempt(ExtractionReuse.triedBefore(message), budget, message.getEventSourceArn());
        List<IndexOperation> operations = new ArrayList<>();
        List<ObjectSummary> objects = new ArrayList<>();
        for (ObjectEvent event : events) {
            try (LogContext.Scope object = LogContext.object(event.bucket(), event.key())) {
                PreparedObject prepared = prepare(event, attempt);
                prepared.write().ifPresent(operations::add);
                objects.add(prepared.summary());
            } catch (ExtractionPausedException paused) {
                return checkpoint(messageId, event, paused, objects);
            } catch (IOException | RuntimeException e) {
                return ErrorClassifier.classify(messageId, where(event), e, objects);
            }
        }
        return new Preparation.Indexable(messageId, operations, objects);
    }

    /** What this delivery of the message may reuse, its time, and the queue it came from. */
    private record Attempt(boolean triedBefore, TimeBudget budget, String queueArn) {}

    /** One object's write, if it needs one, and what happened to the object. */
    private record PreparedObject(Optional<IndexOperation> write, ObjectSummary summary) {}

    private PreparedObject prepare(ObjectEvent event, Attempt attempt) throws IOException {
        if (event.kind() == ObjectEvent.Kind.REMOVED) {
            return new PreparedObject(
                    Optional.of(new IndexOperation.Delete(event.bucket(), event.key(), event.sequencer())),
                    ObjectSummary.of(event.bucket(), event.key(), ObjectStatus.DELETED, null));
        }
        long started = System.nanoTime();
        ExtractedObject extracted;
        try {
            extracted = reuse.extraction(event, attempt.triedBefore()).orElse(null);
            if (extracted == null) {
                extracted = fetchAndExtract(event, attempt);
                reuse.keepIfCostly(event, extracted, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (ObjectGoneException gone) {
            // Its ObjectRemoved event (or a newer Put's) follows and will record the final state.
            return new PreparedObject(
                    Optional.empty(),
                    ObjectSummary.of(event.bucket(), event.key(), ObjectStatus.SKIPPED, "object no longer exists"));
        } catch (ObjectTooLargeException tooLarge) {
            extracted = new ExtractedObject(
                    tooLarge.size(),
                    null,
                    event.eTag(),
                    event.versionId(),
                    event.eventTime(),
                    ExtractedDocument.metadataOnly(null, MetadataOnlyReason.TOO_LARGE),
                    null,
                    tooLarge.userMetadata());
        }
        if (!extracted.document().deferredPages().isEmpty()) {
            fanOut.start(event, extracted, attempt.queueArn());
        }
        long extractMillis = (System.nanoTime() - started) / 1_000_000;
        IndexedDocument document =
                IndexedDocuments.of(event, extracted, thumbnails.store(event, extracted), clock.instant());
        return new PreparedObject(
                Optional.of(new IndexOperation.Upsert(
                        document, IndexedDocuments.entriesOf(document, extracted.document()))),
                new ObjectSummary(
                        event.bucket(),
                        event.key(),
                        IndexedDocuments.statusOf(extracted.document()),
                        document.reason(),
                        document.pages(),
                        document.ocrPages(),
                        document.content().length(),
                        extracted.size(),
                        extractMillis));
    }

    /**
     * Downloads and extracts the object, resuming from an earlier attempt's checkpoint if there is
     * one. An object overwritten since its event is skipped when it runs out of time: no
     * checkpoint can be made for the version the event names, and the overwrite's own event
     * indexes the new content.
     */
    private ExtractedObject fetchAndExtract(ObjectEvent event, Attempt attempt) throws IOException {
        try (FetchedObject object = source.fetch(event)) {
            List<ExtractedPage> earlier = reuse.checkpoint(event, attempt.triedBefore(), object.eTag());
            ExtractedDocument document;
            try {
                document = extractor.extract(
                        object.file(),
                        event.fileName(),
                        fanOut.progress(new CheckpointProgress(earlier, attempt.budget()), event, attempt.queueArn()));
            } catch (ExtractionPausedException paused) {
                if (!ExtractionReuse.isVersionNamedBy(event, object.eTag())) {
                    throw new ObjectGoneException(event.bucket(), event.key());
                }
                throw paused;
            }
            return new ExtractedObject(
                    object.size(),
                    object.contentType(),
                    object.eTag(),
                    object.versionId(),
                    object.lastModified(),
                    document,
                    object.sha256(),
                    object.userMetadata());
        }
    }

    /**
     * Keeps the pages finished so far; the batch then sends a continuation message. Without a kept
     * checkpoint a continuation would start over, so then the record is retried instead.
     */
    private Preparation checkpoint(
            String messageId, ObjectEvent event, ExtractionPausedException paused, List<ObjectSummary> objects) {
        try {
            reuse.keepCheckpoint(event, paused.finishedPages());
        } catch (RuntimeException unsaved) {
            return ErrorClassifier.classify(
                    messageId,
                    where(event) + ": " + paused.getMessage() + ", and its progress could not be saved",
                    unsaved,
                    objects);
        }
        objects.add(ObjectSummary.of(event.bucket(), event.key(), ObjectStatus.CONTINUED, paused.getMessage()));
        return new Preparation.Continued(messageId, where(event) + " " + paused.getMessage(), objects);
    }

    private static String where(ObjectEvent event) {
        return "s3://" + event.bucket() + "/" + event.key();
    }
}
