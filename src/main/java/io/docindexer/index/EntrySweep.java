package io.docindexer.index;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Script;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.UpdateByQueryResponse;

/**
 * Tombstones the entries a container's newer event no longer has: after a write of a key (a new
 * version, or a delete) was applied, every entry naming that key as its container with an older
 * sequencer is replaced by a tombstone carrying the new sequencer, in one
 * {@code POST <index>/_update_by_query} for the whole bulk. Entries the new version has were just
 * written with its sequencer and are left alone; a late older event then finds a newer tombstone
 * or document for each of its entries and is skipped, as for any key.
 *
 * <p>Every applied write that replaced a document of its key is swept, not only those of
 * containers: a zip overwritten by a PDF, or deleted, has entries although the event cannot tell.
 * A write that made its key's first document has nothing to sweep (see {@link EntryWrites}), so
 * most new files cost no sweep at all. The query is a term lookup on a keyword, so
 * a key that never was a container costs next to nothing. {@code _update_by_query} sees what the
 * last refresh made searchable (every second by default): an entry written by an older event in
 * the same second as a newer one may outlive this sweep, and the key's next write removes it.
 */
final class EntrySweep {

    /** Runs on each entry of a swept container; {@code params.sequencers} maps bucket/key to the new sequencer. */
    static final String SCRIPT = """
            String sequencer = params.sequencers[ctx._source.bucket + '/' + ctx._source.container];
            if (sequencer == null || ctx._source.sequencer.compareTo(sequencer) >= 0) {
              ctx.op = 'noop';
              return;
            }
            Map tombstone = ['bucket': ctx._source.bucket, 'key': ctx._source.key, 'fileName': ctx._source.fileName,
                'container': ctx._source.container, 'entryPath': ctx._source.entryPath,
                'sequencer': sequencer, 'indexedAt': params.now, 'deleted': true];
            ctx._source.clear();
            ctx._source.putAll(tombstone);
            """;

    private final OpenSearchClient client;
    private final String index;

    EntrySweep(OpenSearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /**
     * @param written the new versions and deletes whose write was applied
     * @throws IndexUnavailableException when the sweep failed, wholly or for some entries: the
     *     writes are applied again on retry (harmlessly) and the sweep with them
     */
    void afterWrites(List<IndexOperation> written, Instant now) {
        if (written.isEmpty()) {
            return;
        }
        Map<String, String> sequencers = new LinkedHashMap<>();
        List<Query> containers = written.stream()
                .map(operation -> {
                    sequencers.put(
                            operation.bucket() + "/" + operation.key(), Sequencer.normalise(operation.sequencer()));
                    return containerQuery(operation.bucket(), operation.key());
                })
                .toList();
        Script script = Script.of(s -> s.inline(i -> i.source(SCRIPT)
                .params("sequencers", JsonData.of(sequencers))
                .params("now", JsonData.of(now.toString()))));
        UpdateByQueryResponse response;
        try {
            response = client.updateByQuery(u -> u.index(index)
                    .conflicts(Conflicts.Proceed)
                    .query(q -> q.bool(b -> b.should(containers)
                            .minimumShouldMatch("1")
                            .mustNot(n -> n.term(t -> t.field("deleted").value(FieldValue.of(true))))))
                    .script(script));
        } catch (OpenSearchException | IOException e) {
            throw new IndexUnavailableException(
                    "tombstoning the entries of overwritten or deleted containers failed: " + e.getMessage(), e);
        }
        if (!response.failures().isEmpty()) {
            throw new IndexUnavailableException("tombstoning the entries of overwritten or deleted containers failed"
                    + " for " + response.failures().size() + " entries: "
                    + response.failures().get(0).cause());
        }
    }

    private static Query containerQuery(String bucket, String key) {
        return Query.of(q ->
                q.bool(b -> b.filter(f -> f.term(t -> t.field("bucket").value(FieldValue.of(bucket))))
                        .filter(f -> f.term(t -> t.field("container").value(FieldValue.of(key))))));
    }
}
