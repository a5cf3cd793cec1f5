package io.docindexer.ingest;

import io.docindexer.batch.ErrorClassifier;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.Preparation;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.cache.ExtractedObject;
import io.docindexer.cache.ExtractionCache;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.PageRange;
import io.docindexer.event.PageRangeTask;
import io.docindexer.extract.DeferredPages;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.ExtractionProgress;
import io.docindexer.extract.TextExtractor;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexedDocument;
import io.docindexer.invocation.LogContext;
import io.docindexer.invocation.TimeBudget;
import io.docindexer.source.DocumentSource;
import io.docindexer.source.FetchedObject;
import io.docindexer.source.ObjectGoneException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one page range of a big scan (see {@link FanOut}): downloads the version its event names,
 * reads the range's scanned pages, keeps them in the cache and writes them into the partial
 * document, so that they are found while other ranges run. The task that finds every other range
 * kept completes the document instead: it writes the whole of it as for any file, and keeps it
 * as the version's extraction. Every write carries the event's sequencer, so that after a newer
 * version or a delete of the object a range changes nothing.
 */
final class PageRangePreparer {

    private final DocumentSource source;
    private final TextExtractor extractor;
    private final DeferredPages deferredPages;
    private final ExtractionCache cache;
    private final ObjectThumbnails thumbnails;
    private final Clock clock;

    PageRangePreparer(
            DocumentSource source,
            TextExtractor extractor,
            DeferredPages deferredPages,
            ExtractionCache cache,
            ObjectThumbnails thumbnails,
            Clock clock) {
        this.source = source;
        this.extractor = extractor;
        this.deferredPages = deferredPages;
        this.cache = cache;
        this.thumbnails = thumbnails;
        this.clock = clock;
    }

    Preparation prepare(String messageId, PageRangeTask task, TimeBudget budget) {
        ObjectEvent event = task.event();
        String where = "s3://" + event.bucket() + "/" + event.key() + " " + task.range();
        try (LogContext.Scope object = LogContext.object(event.bucket(), event.key())) {
            long started = System.nanoTime();
            Optional<List<ExtractedPage>> kept = cache.findRange(event, task.range());
            List<ExtractedPage> pages =
                    kept.isPresent() ? kept.get() : read(task, budget).orElse(null);
            if (pages == null) {
                return new Preparation.Settled(new RecordOutcome.Skipped(
                        messageId, where + ": the object was replaced since; its new version is read on its own"));
            }
            if (kept.isEmpty()) {
                cache.storeRange(event, task.range(), pages);
            }
            long extractMillis = (System.nanoTime() - started) / 1_000_000;
            boolean last = task.allRanges().stream()
                    .filter(range -> !range.equals(task.range()))
                    .allMatch(range -> cache.hasRange(event, range));
            IndexOperation write = last
                    ? new IndexOperation.Upsert(completed(task, pages))
                    : new IndexOperation.PageRangeWrite(
                            event.bucket(), event.key(), event.sequencer(), IndexedDocuments.pageTexts(pages));
            return new Preparation.Indexable(
                    messageId, List.of(write), List.of(summary(event, pages, last, extractMillis)));
        } catch (ObjectGoneException gone) {
            return new Preparation.Settled(new RecordOutcome.Skipped(
                    messageId, where + ": the object no longer exists; its delete removes the document"));
        } catch (IOException | RuntimeException e) {
            return ErrorClassifier.classify(messageId, where, e, List.of());
        }
    }

    /** The range's pages, or empty when the object is no longer the version the task names. */
    private Optional<List<ExtractedPage>> read(PageRangeTask task, TimeBudget budget) throws IOException {
        ObjectEvent event = task.event();
        try (FetchedObject object = source.fetch(event)) {
            if (!ExtractionReuse.isVersionNamedBy(event, object.eTag())) {
                return Optional.empty();
            }
            ExtractedDocument read =
                    extractor.extract(object.file(), event.fileName(), new RangeProgress(task.range(), budget));
            if (read.isMetadataOnly()) {
                throw new IllegalStateException(task.range() + " came out metadata-only ("
                        + read.metadataOnlyReason().code() + ") though the first reading of the file did not");
            }
            return Optional.of(read.pages().stream()
                    .filter(page -> task.range().contains(page.number()) && !page.deferred())
                    .toList());
        }
    }

    /** The partial reading kept by {@link FanOut} with every range's pages in place, kept and indexed whole. */
    private IndexedDocument completed(PageRangeTask task, List<ExtractedPage> ownPages) {
        ObjectEvent event = task.event();
        ExtractedObject partial = cache.find(event)
                .orElseThrow(() -> new IllegalStateException("the partial reading of s3://" + event.bucket() + "/"
                        + event.key() + " is no longer in the cache bucket; upload the file again to read it anew"));
        List<ExtractedPage> read = new ArrayList<>(ownPages);
        for (PageRange range : task.allRanges()) {
            if (!range.equals(task.range())) {
                read.addAll(cache.findRange(event, range)
                        .orElseThrow(() -> new IllegalStateException(range + " was kept, then could not be read")));
            }
        }
        ExtractedObject complete = partial.withDocument(deferredPages.fillIn(partial.document(), read));
        cache.store(event, complete);
        return IndexedDocuments.of(event, complete, thumbnails.store(event, complete), clock.instant());
    }

    private static ObjectSummary summary(
            ObjectEvent event, List<ExtractedPage> pages, boolean completes, long extractMillis) {
        return new ObjectSummary(
                event.bucket(),
                event.key(),
                completes ? ObjectStatus.INDEXED : ObjectStatus.PARTIAL,
                null,
                pages.size(),
                (int) pages.stream().filter(ExtractedPage::ocr).count(),
                pages.stream().mapToInt(page -> page.text().length()).sum(),
                event.size(),
                extractMillis);
    }

    /** Reads only the range: every other page counts as read elsewhere, and is not even opened. */
    private record RangeProgress(PageRange range, TimeBudget budget) implements ExtractionProgress {
        @Override
        public Optional<ExtractedPage> earlierPage(int number) {
            return range.contains(number) ? Optional.empty() : Optional.of(ExtractedPage.deferred(number));
        }

        @Override
        public boolean outOfTime() {
            return !budget.allowsStart();
        }
    }
}
