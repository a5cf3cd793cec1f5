package io.docindexer.ingest;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.cache.ExtractedObject;
import io.docindexer.cache.ExtractionCache;
import io.docindexer.event.ObjectEvent;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.invocation.ReceiveCount;
import io.docindexer.sqs.MessageAttributes;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an attempt may reuse from an earlier one, and what it keeps for a later one: finished
 * extractions, and the pages of a document that ran out of time (its checkpoint), both in the
 * extraction cache. Only a message that was tried before can find either; a cache that cannot be
 * read is a miss, never a failure; and both are used and kept only for the version of the object
 * that the event names.
 */
final class ExtractionReuse {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionReuse.class);

    /** OCR, or an extraction this long, is worth a cache write before indexing. */
    private static final long COSTLY_EXTRACTION_MILLIS = 1_000;

    private final ExtractionCache cache;

    ExtractionReuse(ExtractionCache cache) {
        this.cache = cache;
    }

    /** A redelivery, or the continuation of a long document: the only messages that can find something kept. */
    static boolean triedBefore(SQSMessage message) {
        return ReceiveCount.of(message) > 1
                || message.getMessageAttributes() != null
                        && message.getMessageAttributes().containsKey(MessageAttributes.CONTINUATION);
    }

    /**
     * The cache is keyed by the version or ETag the event names, but an object fetched without a
     * version id is whatever is current, perhaps a later overwrite. Kept under this event's ETag,
     * that text would be served to a retry of a later event for the same ETag (content written
     * back) as if it were that version's; resumed from a checkpoint, it would mix two versions' pages.
     */
    static boolean isVersionNamedBy(ObjectEvent event, String fetchedETag) {
        if (event.versionId() != null || event.eTag() == null) {
            return true;
        }
        return fetchedETag != null && event.eTag().replace("\"", "").equals(fetchedETag.replace("\"", ""));
    }

    Optional<ExtractedObject> extraction(ObjectEvent event, boolean triedBefore) {
        if (!triedBefore) {
            return Optional.empty();
        }
        try {
            return cache.find(event);
        } catch (RuntimeException unreadable) {
            LOG.warn(
                    "extraction cache unreadable for s3://{}/{}: {}",
                    event.bucket(),
                    event.key(),
                    unreadable.toString());
            return Optional.empty();
        }
    }

    /**
     * OCR and long extractions are worth a cache write before indexing; a text file re-extracts in
     * less time than the round trip to the cache would take.
     */
    void keepIfCostly(ObjectEvent event, ExtractedObject extracted, long extractMillis) {
        if (extracted.document().ocrPageCount() == 0 && extractMillis < COSTLY_EXTRACTION_MILLIS) {
            return;
        }
        if (!isVersionNamedBy(event, extracted.eTag())) {
            return;
        }
        try {
            cache.store(event, extracted);
        } catch (RuntimeException unwritable) {
            LOG.warn(
                    "could not cache the extraction of s3://{}/{}: {}",
                    event.bucket(),
                    event.key(),
                    unwritable.toString());
        }
    }

    /** The pages an earlier attempt finished, if it ran out of time on the version just fetched. */
    List<ExtractedPage> checkpoint(ObjectEvent event, boolean triedBefore, String fetchedETag) {
        if (!triedBefore || !isVersionNamedBy(event, fetchedETag)) {
            return List.of();
        }
        try {
            return cache.findCheckpoint(event).orElse(List.of());
        } catch (RuntimeException unreadable) {
            LOG.warn("checkpoint unreadable for s3://{}/{}: {}", event.bucket(), event.key(), unreadable.toString());
            return List.of();
        }
    }

    /** Keeps the pages finished so far for the continuation; throws if they could not be kept. */
    void keepCheckpoint(ObjectEvent event, List<ExtractedPage> finishedPages) {
        cache.storeCheckpoint(event, finishedPages);
    }
}
