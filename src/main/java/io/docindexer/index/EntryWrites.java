package io.docindexer.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * What follows a bulk of top-level writes: the entries of each container whose write was applied,
 * in a second bulk, then the {@link EntrySweep} of every applied write. A container's result is its
 * own unless one of its entries failed, which then speaks for it: the record is retried (or dead
 * lettered) as a whole, and the retry writes the container and every entry again.
 */
final class EntryWrites {

    private final String index;
    private final Function<List<BulkOperation>, List<BulkResponseItem>> bulk;
    private final EntrySweep sweep;

    EntryWrites(String index, Function<List<BulkOperation>, List<BulkResponseItem>> bulk, EntrySweep sweep) {
        this.index = index;
        this.bulk = bulk;
        this.sweep = sweep;
    }

    /**
     * @param results the top-level results, one per operation; a container's is replaced by its entries' failure
     * @param created the positions whose write made the key's first document: there was no earlier
     *     version of the key, so no entries of one to sweep (entries are written only after their
     *     container's document)
     */
    void afterTopLevel(List<IndexOperation> operations, IndexItemResult[] results, Set<Integer> created, Instant now) {
        List<BulkOperation> entries = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<IndexOperation> applied = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            if (results[i].status() != IndexItemResult.Status.APPLIED) {
                continue;
            }
            // A page range fills in pages of the version already written: no new version to sweep for.
            if (!(operations.get(i) instanceof IndexOperation.PageRangeWrite) && !created.contains(i)) {
                applied.add(operations.get(i));
            }
            if (operations.get(i) instanceof IndexOperation.Upsert container) {
                for (IndexOperation.Entry entry : container.entries()) {
                    entries.add(SequencedWrite.toBulkOperation(index, container, entry));
                    owners.add(i);
                }
            }
        }
        if (!entries.isEmpty()) {
            List<BulkResponseItem> items = bulk.apply(entries);
            for (int j = 0; j < items.size(); j++) {
                int owner = owners.get(j);
                IndexItemResult entry = BulkItemClassifier.classify(results[owner].documentId(), items.get(j));
                if (results[owner].status() == IndexItemResult.Status.APPLIED
                        && entry.status() != IndexItemResult.Status.APPLIED
                        && entry.status() != IndexItemResult.Status.STALE) {
                    results[owner] = entry;
                }
            }
        }
        sweep.afterWrites(applied, now);
    }
}
