package io.docindexer.thumbnail;

import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the thumbnails no document names any more, after each write, from what the index
 * decided about that write. The index orders an object's events by sequencer, and so do
 * thumbnails (their keys start with it, see {@link ThumbnailKeys}):
 *
 * <ul>
 *   <li>A thumbnail is stored before the write that names it, so the index never names one that
 *       is not there yet.
 *   <li>An applied write (upsert or delete) means the index holds this event, and no older event
 *       can ever replace it: every thumbnail of an older event is deleted. Newer ones are left
 *       alone, whatever state their own writes are in: they tidy up after themselves.
 *   <li>A stale upsert means the index already holds a newer event: this event's own thumbnail
 *       will never be named, so it is deleted. Its key is unique to its event, so this cannot
 *       remove a thumbnail that another event of the same content names.
 *   <li>A stale delete has nothing to remove: the newer event it lost to removes what is older.
 *   <li>A write to be retried keeps its thumbnail: the retry stores the same key again.
 * </ul>
 *
 * However two events' uploads, writes and clean-ups interleave, once their writes are done only the
 * newest event's thumbnail is left (none, after a delete): each deletion is of something the index
 * can never name again. (A message that ends in the DLQ leaves its thumbnail until its redrive or
 * the object's next event.) When a clean-up fails, the write is reported retryable: the redelivered event is applied
 * again (an equal sequencer re-applies) and cleans up again, so nothing is left behind.
 */
public final class ThumbnailTidying implements DocumentIndex {

    private final DocumentIndex index;
    private final ThumbnailStore thumbnails;

    public ThumbnailTidying(DocumentIndex index, ThumbnailStore thumbnails) {
        this.index = index;
        this.thumbnails = thumbnails;
    }

    @Override
    public void prepare() {
        index.prepare();
    }

    @Override
    public List<IndexItemResult> apply(List<IndexOperation> operations) {
        List<IndexItemResult> results = index.apply(operations);
        List<IndexItemResult> tidied = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            tidied.add(tidyAfter(operations.get(i), results.get(i)));
        }
        return tidied;
    }

    private IndexItemResult tidyAfter(IndexOperation operation, IndexItemResult result) {
        if (operation instanceof IndexOperation.PageRangeWrite) {
            // Pages added to a partial document: its thumbnail stays, and nothing older can be named.
            return result;
        }
        try {
            switch (result.status()) {
                case APPLIED ->
                    thumbnails.deleteSuperseded(
                            operation.bucket(), operation.key(), operation.sequencer(), thumbnailOf(operation));
                case STALE -> {
                    String own = thumbnailOf(operation);
                    if (own != null) {
                        thumbnails.delete(own);
                    }
                }
                case RETRYABLE, UNAVAILABLE, FAILED -> {
                    // Kept for the retry, which stores and names the same key.
                }
            }
            return result;
        } catch (RuntimeException cleanUpFailed) {
            return new IndexItemResult(
                    result.documentId(),
                    IndexItemResult.Status.RETRYABLE,
                    "written, but its superseded thumbnails could not be deleted: " + cleanUpFailed);
        }
    }

    private static String thumbnailOf(IndexOperation operation) {
        return operation instanceof IndexOperation.Upsert upsert
                ? upsert.document().thumbnailKey()
                : null;
    }
}
