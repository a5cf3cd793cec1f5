package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.batch.Preparation;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.cache.ExtractedObject;
import io.docindexer.cache.ExtractionCache;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.PageRange;
import io.docindexer.event.S3EventParser;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedEntry;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.ExtractionPausedException;
import io.docindexer.extract.ExtractionProgress;
import io.docindexer.extract.MetadataOnlyReason;
import io.docindexer.extract.Thumbnail;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexedDocument;
import io.docindexer.index.PageText;
import io.docindexer.invocation.LogContext;
import io.docindexer.invocation.TimeBudget;
import io.docindexer.source.DocumentSource;
import io.docindexer.source.FetchedObject;
import io.docindexer.source.ObjectGoneException;
import io.docindexer.source.ObjectTooLargeException;
import io.docindexer.sqs.MessageAttributes;
import io.docindexer.thumbnail.ThumbnailKeys;
import io.docindexer.thumbnail.ThumbnailStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3EventPreparerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TimeBudget TIME = new TimeBudget(() -> 300_000, 10_000);

    @TempDir
    Path temp;

    private RuntimeException sourceFailure;
    private String overwrittenETag;
    private ExtractedDocument extracted = ExtractedDocument.ofPages(
            "application/pdf",
            List.of(new ExtractedPage(1, "first page", false, null), new ExtractedPage(2, "scanned page", true, 91.5f)),
            false);

    private final List<String> thumbnailsStored = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger extractions = new AtomicInteger();
    private final Map<ObjectEvent, ExtractedObject> cached = new HashMap<>();
    private final Map<ObjectEvent, List<ExtractedPage>> checkpoints = new HashMap<>();
    private ExtractionProgress progressSeen;
    private String keyInTheLogContext;
    private int pauseAfterPages;
    private boolean cacheBroken;

    private final ExtractionCache cache = new ExtractionCache() {
        @Override
        public Optional<ExtractedObject> find(ObjectEvent event) {
            if (cacheBroken) {
                throw new IllegalStateException("cache bucket unreachable");
            }
            return Optional.ofNullable(cached.get(event));
        }

        @Override
        public void store(ObjectEvent event, ExtractedObject extraction) {
            cached.put(event, extraction);
        }

        @Override
        public Optional<List<ExtractedPage>> findCheckpoint(ObjectEvent event) {
            return Optional.ofNullable(checkpoints.get(event));
        }

        @Override
        public void storeCheckpoint(ObjectEvent event, List<ExtractedPage> finishedPages) {
            if (cacheBroken) {
                throw new IllegalStateException("cache bucket unreachable");
            }
            checkpoints.put(event, finishedPages);
        }

        @Override
        public Optional<List<ExtractedPage>> findRange(ObjectEvent event, PageRange range) {
            return Optional.empty();
        }

        @Override
        public boolean hasRange(ObjectEvent event, PageRange range) {
            return false;
        }

        @Override
        public void storeRange(ObjectEvent event, PageRange range, List<ExtractedPage> pages) {
            throw new AssertionError("these tests read no page ranges");
        }
    };

    private final DocumentSource source = new DocumentSource() {
        @Override
        public FetchedObject fetch(ObjectEvent event) throws IOException {
            fetches.incrementAndGet();
            keyInTheLogContext = MDC.get(LogContext.KEY);
            if (sourceFailure != null) {
                throw sourceFailure;
            }
            Path file = Files.writeString(Files.createTempFile(temp, "object-", ".bin"), "%PDF-1.7 ...");
            // S3 quotes the ETag it returns; the object is the version the event names unless overwritten since.
            String eTag = overwrittenETag != null ? overwrittenETag : event.eTag();
            return new FetchedObject(
                    file,
                    12,
                    "application/pdf",
                    "\"" + eTag + "\"",
                    "v2",
                    Instant.parse("2026-11-23T09:00:00Z"),
                    "f".repeat(64),
                    Map.of("department", "legal"));
        }
    };

    private final S3EventPreparer preparer = new S3EventPreparer(
            new S3EventParser(new ObjectMapper()),
            source,
            (file, fileName, progress) -> {
                extractions.incrementAndGet();
                progressSeen = progress;
                if (pauseAfterPages > 0) {
                    throw new ExtractionPausedException(
                            extracted.pages().subList(0, pauseAfterPages), extracted.pageCount());
                }
                return extracted;
            },
            (partial, read) -> {
                throw new AssertionError("these tests read no page ranges");
            },
            cache,
            new ThumbnailStore() {
                @Override
                public Optional<String> put(
                        String bucket,
                        String key,
                        String sequencer,
                        String versionId,
                        String eTag,
                        Thumbnail thumbnail) {
                    String stored = ThumbnailKeys.of(bucket, key, sequencer, versionId, eTag, thumbnail.extension())
                            .orElseThrow();
                    thumbnailsStored.add(stored);
                    return Optional.of(stored);
                }

                @Override
                public void delete(String thumbnailKey) {}

                @Override
                public void deleteSuperseded(String bucket, String key, String sequencer, String keep) {}
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            0,
            (queueArn, bodies) -> {
                throw new AssertionError("these tests fan out no big scan");
            });

    @Test
    void aThumbnailIsStoredBeforeTheWriteThatNamesItAndAgainUnderTheSameKeyFromTheCache() throws Exception {
        extracted = extracted.withThumbnail(new Thumbnail(new byte[] {1, 2, 3}, Thumbnail.JPEG, 424, 600));

        IndexedDocument first = onlyUpsert(preparer.prepare(message("events/s3-put.json"), TIME));
        SQSMessage redelivery = message("events/s3-put.json");
        redelivery.getAttributes().put("ApproximateReceiveCount", "2");
        IndexedDocument fromCache = onlyUpsert(preparer.prepare(redelivery, TIME));

        assertThat(extractions).hasValue(1);
        assertThat(first.thumbnailKey()).startsWith("thumbnails/").endsWith(".jpg");
        assertThat(fromCache.thumbnailKey()).isEqualTo(first.thumbnailKey());
        assertThat(thumbnailsStored).containsExactly(first.thumbnailKey(), first.thumbnailKey());
    }

    @Test
    void aDocumentWithoutAThumbnailNamesNone() throws Exception {
        assertThat(onlyUpsert(preparer.prepare(message("events/s3-put.json"), TIME))
                        .thumbnailKey())
                .isNull();
        assertThat(thumbnailsStored).isEmpty();
    }

    @Test
    void anObjectCreatedEventBecomesAnUpsertOfItsExtractedText() throws Exception {
        Preparation preparation = preparer.prepare(message("events/s3-put.json"), TIME);

        IndexedDocument document = onlyUpsert(preparation);
        assertThat(document.bucket()).isEqualTo("docindexer-local");
        assertThat(document.key()).isEqualTo("samples/quarterly report 2026+draft.pdf");
        assertThat(document.extension()).isEqualTo("pdf");
        assertThat(document.status()).isEqualTo("indexed");
        assertThat(document.reason()).isNull();
        assertThat(document.sha256()).isEqualTo("f".repeat(64));
        assertThat(document.userMetadata()).containsEntry("department", "legal");
        assertThat(document.content()).contains("first page").contains("scanned page");
        assertThat(document.pageTexts())
                .extracting(PageText::number, PageText::ocr)
                .containsExactly(tuple(1, false), tuple(2, true));
        assertThat(document.pageTexts().get(1).text()).contains("scanned page");
        assertThat(document.pages()).isEqualTo(2);
        assertThat(document.ocrPages()).isEqualTo(1);
        assertThat(document.ocr()).isTrue();
        assertThat(document.sequencer()).isEqualTo("0069ABCDEF00000001");
        assertThat(document.versionId()).isEqualTo("v2");
        assertThat(document.size()).isEqualTo(12);
        assertThat(document.indexedAt()).isEqualTo(NOW);
        assertThat(preparation.objects())
                .singleElement()
                .satisfies(object ->
                        assertThat(object.chars()).isEqualTo(document.content().length()));
    }

    @Test
    void aContainersEntriesAreUpsertedWithItKeyedByItsKeyAndTheirPath() throws Exception {
        extracted = new ExtractedDocument(
                "application/zip",
                List.of(new ExtractedPage(1, "notes/memo.txt\nsecret.txt", false, null)),
                null,
                false,
                null,
                null,
                List.of(),
                List.of(
                        new ExtractedEntry(
                                "notes/memo.txt",
                                5,
                                ExtractedDocument.ofPages(
                                        "text/plain", List.of(new ExtractedPage(1, "memo", false, null)), false)),
                        new ExtractedEntry(
                                "secret.txt", 9, ExtractedDocument.metadataOnly(null, MetadataOnlyReason.ENCRYPTED))));

        Preparation preparation = preparer.prepare(message("events/s3-put.json"), TIME);

        IndexOperation.Upsert upsert = (IndexOperation.Upsert)
                ((Preparation.Indexable) preparation).operations().get(0);
        String container = "samples/quarterly report 2026+draft.pdf";
        assertThat(upsert.document().key()).isEqualTo(container);
        assertThat(upsert.entries())
                .extracting(IndexOperation.Entry::path)
                .containsExactly("notes/memo.txt", "secret.txt");
        IndexedDocument memo = upsert.entries().get(0).document();
        assertThat(memo.key()).isEqualTo(container + "!/notes/memo.txt");
        assertThat(memo.extension()).isEqualTo("txt");
        assertThat(memo.sequencer()).isEqualTo(upsert.document().sequencer());
        assertThat(memo.versionId()).isEqualTo("v2");
        assertThat(memo.size()).isEqualTo(5);
        assertThat(memo.content()).isEqualTo("memo");
        assertThat(memo.thumbnailKey()).isNull();
        IndexedDocument secret = upsert.entries().get(1).document();
        assertThat(secret.status()).isEqualTo("metadata-only");
        assertThat(secret.reason()).isEqualTo("encrypted");
    }

    @Test
    void logLinesNameTheObjectWhileItIsPrepared() throws Exception {
        preparer.prepare(message("events/s3-put.json"), TIME);

        assertThat(keyInTheLogContext).isEqualTo("samples/quarterly report 2026+draft.pdf");
        assertThat(MDC.get(LogContext.KEY)).as("once the object is done").isNull();
    }

    @Test
    void anOcrExtractionIsCachedBeforeIndexingAndARetryReusesItWithoutDownloadingOrExtracting() throws Exception {
        IndexedDocument first = onlyUpsert(preparer.prepare(message("events/s3-put.json"), TIME));
        assertThat(cached).hasSize(1);

        SQSMessage redelivery = message("events/s3-put.json");
        redelivery.getAttributes().put("ApproximateReceiveCount", "2");
        IndexedDocument retried = onlyUpsert(preparer.prepare(redelivery, TIME));

        assertThat(fetches).hasValue(1);
        assertThat(extractions).hasValue(1);
        assertThat(retried).isEqualTo(first);
    }

    @Test
    void anObjectOverwrittenSinceItsEventIsNotCachedUnderTheEventsETag() throws Exception {
        overwrittenETag = "fedcba9876543210fedcba9876543210";

        preparer.prepare(message("events/s3-put.json"), TIME);

        assertThat(cached).isEmpty();
    }

    @Test
    void aCheapTextExtractionIsNotWorthACacheWrite() throws Exception {
        extracted = ExtractedDocument.ofPages("text/plain", List.of(new ExtractedPage(1, "plain", false, null)), false);

        preparer.prepare(message("events/s3-put.json"), TIME);

        assertThat(cached).isEmpty();
    }

    @Test
    void anUnreadableCacheIsAMissNotAFailure() throws Exception {
        cacheBroken = true;
        SQSMessage redelivery = message("events/s3-put.json");
        redelivery.getAttributes().put("ApproximateReceiveCount", "2");

        IndexedDocument document = onlyUpsert(preparer.prepare(redelivery, TIME));

        assertThat(document.content()).contains("scanned page");
        assertThat(extractions).hasValue(1);
    }

    @Test
    void aDocumentTooLongForTheInvocationSavesItsPagesAndContinuesInANewMessage() throws Exception {
        pauseAfterPages = 1;

        Preparation preparation = preparer.prepare(message("events/s3-put.json"), TIME);

        assertThat(preparation).isInstanceOf(Preparation.Continued.class);
        assertThat(((Preparation.Continued) preparation).progress()).contains("paused after page 1 of 2");
        assertThat(checkpoints.values())
                .singleElement()
                .satisfies(pages -> assertThat(pages).hasSize(1));
    }

    @Test
    void aContinuationResumesFromTheSavedPages() throws Exception {
        pauseAfterPages = 1;
        preparer.prepare(message("events/s3-put.json"), TIME);
        pauseAfterPages = 0;
        SQSMessage continuation = message("events/s3-put.json");
        continuation.setMessageAttributes(Map.of(MessageAttributes.CONTINUATION, new SQSEvent.MessageAttribute()));

        IndexedDocument finished = onlyUpsert(preparer.prepare(continuation, TIME));

        assertThat(progressSeen.earlierPage(1)).contains(extracted.pages().get(0));
        assertThat(finished.pageTexts()).extracting(PageText::number).containsExactly(1, 2);
        assertThat(progressSeen.earlierPage(2)).isEmpty();
    }

    @Test
    void aCheckpointIsNotReusedForAnObjectOverwrittenSinceItsEvent() throws Exception {
        pauseAfterPages = 1;
        preparer.prepare(message("events/s3-put.json"), TIME);
        pauseAfterPages = 0;
        overwrittenETag = "fedcba9876543210fedcba9876543210";
        SQSMessage continuation = message("events/s3-put.json");
        continuation.setMessageAttributes(Map.of(MessageAttributes.CONTINUATION, new SQSEvent.MessageAttribute()));

        preparer.prepare(continuation, TIME);

        assertThat(progressSeen.earlierPage(1)).isEmpty();
    }

    @Test
    void anOverwrittenObjectThatRunsOutOfTimeIsLeftToItsNewerEvent() throws Exception {
        pauseAfterPages = 1;
        overwrittenETag = "fedcba9876543210fedcba9876543210";

        Preparation preparation = preparer.prepare(message("events/s3-put.json"), TIME);

        assertThat(preparation).isInstanceOf(Preparation.Indexable.class);
        assertThat(((Preparation.Indexable) preparation).operations()).isEmpty();
        assertThat(checkpoints).isEmpty();
    }

    @Test
    void aPauseWhoseProgressCannotBeSavedIsRetriedInstead() throws Exception {
        pauseAfterPages = 1;
        cacheBroken = true;

        RecordOutcome outcome = outcomeOf(preparer.prepare(message("events/s3-put.json"), TIME));

        assertThat(outcome).isInstanceOf(RecordOutcome.Retry.class);
        assertThat(outcome.detail()).contains("paused after page 1 of 2").contains("could not be saved");
    }

    @Test
    void tempFilesAreDeletedOnceExtracted() throws Exception {
        preparer.prepare(message("events/s3-put.json"), TIME);

        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aContentProblemIsRecordedAsAMetadataOnlyDocumentNotRetried() throws Exception {
        extracted = ExtractedDocument.metadataOnly("application/pdf", MetadataOnlyReason.ENCRYPTED);

        IndexedDocument document = onlyUpsert(preparer.prepare(message("events/s3-put.json"), TIME));

        assertThat(document.status()).isEqualTo("metadata-only");
        assertThat(document.reason()).isEqualTo("encrypted");
        assertThat(document.content()).isEmpty();
        assertThat(document.pageTexts()).isEmpty();
    }

    @Test
    void anObjectOverTheSizeLimitIsRecordedMetadataOnlyWithoutDownloadingItAndKeepsItsUserMetadata() throws Exception {
        sourceFailure = new ObjectTooLargeException(5L << 30, 100L << 20, Map.of("department", "legal"));

        IndexedDocument document = onlyUpsert(preparer.prepare(message("events/s3-put.json"), TIME));

        assertThat(document.reason()).isEqualTo("too-large");
        assertThat(document.size()).isEqualTo(5L << 30);
        assertThat(document.userMetadata()).containsEntry("department", "legal");
        assertThat(document.sha256()).as("its bytes were never read").isNull();
    }

    @Test
    void anObjectThatIsAlreadyGoneNeedsNoWrite() throws Exception {
        sourceFailure = new ObjectGoneException("docindexer-local", "samples/x.pdf");

        Preparation preparation = preparer.prepare(message("events/s3-put.json"), TIME);

        assertThat(preparation).isInstanceOf(Preparation.Indexable.class);
        assertThat(((Preparation.Indexable) preparation).operations()).isEmpty();
        assertThat(preparation.objects()).singleElement().satisfies(object -> {
            assertThat(object.status()).isEqualTo(ObjectStatus.SKIPPED);
            assertThat(object.reason()).isEqualTo("object no longer exists");
        });
    }

    @Test
    void s3TroubleIsRetried() throws Exception {
        sourceFailure =
                S3Exception.builder().statusCode(503).message("Slow Down").build();

        Preparation preparation = preparer.prepare(message("events/s3-put.json"), TIME);

        assertThat(outcomeOf(preparation)).isInstanceOf(RecordOutcome.Retry.class);
        assertThat(outcomeOf(preparation).detail())
                .contains("samples/quarterly report 2026+draft.pdf")
                .contains("Slow Down");
    }

    @Test
    void anObjectRemovedEventBecomesADeleteOrderedByItsSequencer() throws Exception {
        Preparation preparation = preparer.prepare(message("events/s3-delete.json"), TIME);

        assertThat(((Preparation.Indexable) preparation).operations())
                .containsExactly(new IndexOperation.Delete(
                        "docindexer-local", "samples/quarterly report 2026+draft.pdf", "0069ABCDEF00000002"));
    }

    @Test
    void theS3TestEventIsAcknowledgedAndIgnored() throws Exception {
        assertThat(outcomeOf(preparer.prepare(message("events/s3-test-event.json"), TIME)))
                .isEqualTo(new RecordOutcome.Skipped("9f3a5b74-2cae-4d79-9f5d-8a4b3e2cad03", "s3:TestEvent ignored"));
    }

    @Test
    void aBodyThatIsNotAnS3EventIsRejectedWithItsReason() throws Exception {
        SQSMessage message = message("events/s3-put.json");
        message.setBody("<xml>not an event</xml>");

        Preparation preparation = preparer.prepare(message, TIME);

        assertThat(preparation).isInstanceOf(Preparation.Rejected.class);
        assertThat(((Preparation.Rejected) preparation).reason()).startsWith("message body is not JSON");
    }

    private static SQSMessage message(String eventFile) {
        SQSEvent event = EventLoader.loadSQSEvent(eventFile);
        return event.getRecords().get(0);
    }

    private static IndexedDocument onlyUpsert(Preparation preparation) {
        assertThat(preparation).isInstanceOf(Preparation.Indexable.class);
        List<IndexOperation> operations = ((Preparation.Indexable) preparation).operations();
        assertThat(operations).singleElement().isInstanceOf(IndexOperation.Upsert.class);
        return ((IndexOperation.Upsert) operations.get(0)).document();
    }

    private static RecordOutcome outcomeOf(Preparation preparation) {
        assertThat(preparation).isInstanceOf(Preparation.Settled.class);
        return ((Preparation.Settled) preparation).outcome();
    }
}
