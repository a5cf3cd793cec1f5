package io.docindexer.index;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.Script;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * Turns an {@link IndexOperation} into a bulk update whose script replaces the stored document
 * only when the incoming S3 event is newer, so redelivered, reordered and retried events are safe.
 * A delete leaves a tombstone that keeps its sequencer: a late, older create then finds a newer
 * event stored and is skipped instead of resurrecting the object.
 */
final class SequencedWrite {

    /**
     * Runs for new documents too ({@code scripted_upsert}), where the source starts empty. Equal
     * sequencers mean the same event delivered again: re-applying it is harmless (same id, same
     * content), but an equal sequencer of the other kind is not the same event and is ignored.
     * The one exception is a big scan's partial document delivered again once its page-range
     * tasks have completed it: the complete document stays. That write is applied unchanged
     * rather than dropped, since it names the same thumbnail, which a dropped (stale) write's
     * clean-up would delete.
     */
    static final String SCRIPT = """
            String stored = ctx._source.sequencer;
            if (stored != null) {
              int order = params.sequencer.compareTo(stored);
              boolean storedDeleted = ctx._source.deleted == true;
              if (order < 0 || (order == 0 && storedDeleted != params.deleted)) {
                ctx.op = 'noop';
                return;
              }
              if (order == 0 && params.document.status == 'partial' && ctx._source.status != 'partial') {
                return;
              }
            }
            ctx._source.clear();
            ctx._source.putAll(params.document);
            """;

    /**
     * A page range's pages into the partial document of its own event, in page order; anything
     * else stored (nothing yet, a newer version, a tombstone, the complete document) is left as
     * it is. On a missing document {@code scripted_upsert} runs it on an empty source, which it
     * leaves empty: no document is made.
     */
    static final String PAGE_RANGE_SCRIPT = """
            if (ctx._source.sequencer != params.sequencer || ctx._source.status != 'partial') {
              ctx.op = 'noop';
              return;
            }
            List pages = new ArrayList();
            for (def page : ctx._source.pageTexts) {
              if (!params.numbers.contains(page.number)) {
                pages.add(page);
              }
            }
            pages.addAll(params.pages);
            pages.sort((a, b) -> Integer.compare(a.number, b.number));
            int ocrPages = 0;
            for (def page : pages) {
              if (page.ocr == true) {
                ocrPages++;
              }
            }
            ctx._source.pageTexts = pages;
            ctx._source.ocrPages = ocrPages;
            ctx._source.ocr = ocrPages > 0;
            """;

    // Two concurrent writers of the same key: OpenSearch re-runs the script against the winner's version.
    private static final int RETRIES_ON_CONFLICT = 3;

    private SequencedWrite() {}

    /** @throws IllegalArgumentException when the operation's sequencer is malformed */
    static BulkOperation toBulkOperation(String index, IndexOperation operation, Instant now) {
        String sequencer = Sequencer.normalise(operation.sequencer());
        Script script = switch (operation) {
            case IndexOperation.Upsert upsert -> replacing(source(upsert.document(), sequencer), sequencer, false);
            case IndexOperation.Delete delete -> replacing(tombstone(delete, sequencer, now), sequencer, true);
            case IndexOperation.PageRangeWrite range ->
                Script.of(s -> s.inline(i -> i.source(PAGE_RANGE_SCRIPT)
                        .params("sequencer", JsonData.of(sequencer))
                        .params(
                                "numbers",
                                JsonData.of(range.pages().stream()
                                        .map(PageText::number)
                                        .toList()))
                        .params("pages", JsonData.of(pageTexts(range.pages())))));
        };
        return update(index, operation.documentId(), script);
    }

    /**
     * An entry of {@code container}, ordered by the container's sequencer like any document: the
     * same script keeps an older version of the container from bringing it back.
     *
     * @throws IllegalArgumentException when the container's sequencer is malformed
     */
    static BulkOperation toBulkOperation(String index, IndexOperation.Upsert container, IndexOperation.Entry entry) {
        String sequencer = Sequencer.normalise(container.sequencer());
        IndexedDocument document = entry.document();
        return update(
                index,
                DocumentId.of(document.bucket(), document.key()),
                replacing(entrySource(container, entry, sequencer), sequencer, false));
    }

    /** An entry's document: as any file's, and the key of its container and its path inside. */
    static Map<String, Object> entrySource(
            IndexOperation.Upsert container, IndexOperation.Entry entry, String sequencer) {
        Map<String, Object> source = source(entry.document(), sequencer);
        source.put("container", container.document().key());
        source.put("entryPath", entry.path());
        return source;
    }

    private static BulkOperation update(String index, String id, Script script) {
        return BulkOperation.of(b -> b.update(u -> u.index(index)
                .id(id)
                .script(script)
                .scriptedUpsert(true)
                .upsert(Map.of())
                .retryOnConflict(RETRIES_ON_CONFLICT)));
    }

    private static Script replacing(Map<String, Object> document, String sequencer, boolean deleted) {
        return Script.of(s -> s.inline(i -> i.source(SCRIPT)
                .params("sequencer", JsonData.of(sequencer))
                .params("deleted", JsonData.of(deleted))
                .params("document", JsonData.of(document))));
    }

    static Map<String, Object> source(IndexedDocument document, String sequencer) {
        Map<String, Object> source = new HashMap<>();
        source.put("bucket", document.bucket());
        source.put("key", document.key());
        source.put("fileName", fileName(document.key()));
        source.put("versionId", document.versionId());
        source.put("eTag", document.eTag());
        source.put("sequencer", sequencer);
        source.put("size", document.size());
        source.put("contentType", document.contentType());
        source.put("extension", document.extension());
        source.put("status", document.status());
        source.put("reason", document.reason());
        source.put("pages", document.pages());
        source.put("ocrPages", document.ocrPages());
        source.put("ocr", document.ocr());
        source.put("pageTexts", pageTexts(document.pageTexts()));
        source.put("lastModified", isoOrNull(document.lastModified()));
        source.put("metadata", document.metadata());
        source.put("languages", document.languages());
        source.put("sha256", document.sha256());
        source.put("userMetadata", document.userMetadata());
        source.put("indexedAt", isoOrNull(document.indexedAt()));
        source.put("thumbnailKey", document.thumbnailKey());
        source.put("deleted", false);
        return source;
    }

    static Map<String, Object> tombstone(IndexOperation.Delete delete, String sequencer, Instant now) {
        Map<String, Object> source = new HashMap<>();
        source.put("bucket", delete.bucket());
        source.put("key", delete.key());
        source.put("fileName", fileName(delete.key()));
        source.put("sequencer", sequencer);
        source.put("indexedAt", now.toString());
        source.put("deleted", true);
        return source;
    }

    /**
     * Every page in the one document of its file, so the script above replaces a file's pages
     * together with its other fields: an older event cannot bring back pages, a tombstone removes
     * them all, and a file that lost pages keeps none of the old ones. The whole text is not
     * stored beside them: the mapping indexes the pages into the file too ({@code include_in_parent}).
     */
    private static List<Map<String, Object>> pageTexts(List<PageText> pages) {
        return pages.stream()
                .<Map<String, Object>>map(
                        page -> Map.of("number", page.number(), "text", page.text(), "ocr", page.ocr()))
                .toList();
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static String isoOrNull(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
