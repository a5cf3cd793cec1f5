package io.docindexer.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexedDocument;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.index.PageText;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The chaos audit fails the run when the index is wrong, on the real local servers: a write that
 * was dropped, a stale version planted over the last one, a deleted key brought back, a valid file
 * recorded without its text. Each case starts from a consistent state the audit accepts.
 */
@ExtendWith(LocalServersExtension.class)
class ChaosAuditIT {

    private static final String BUCKET = LocalServers.BUCKET;

    private final String alias = "chaos-audit-" + UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = alias + "/";
    private final KeyLedger ledger = new KeyLedger();
    private LocalServers stack;
    private LocalServers.Queues queues;
    private OpenSearchDocumentIndex index;

    @BeforeEach
    void prepare(LocalServers stack) {
        this.stack = stack;
        queues = stack.createQueues(alias, 30, 3);
        index = OpenSearchDocumentIndex.connect(stack.openSearchEndpoint(), "es", alias);
        index.prepare();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void acceptsAnIndexWhereEveryKeyShowsItsLastOperation() throws Exception {
        KeyLedger.Operation kept = put("kept 報告書 a+b 100%.txt", 1, 2);
        delete("gone.txt", 3, 4);

        ChaosAudit.Findings findings = audit();

        assertThat(findings.problems()).isEmpty();
        assertThat(findings.indexed()).isEqualTo(1);
        assertThat(findings.tombstones()).isEqualTo(1);
        assertThat(kept.marker()).isEqualTo("[v2]");
    }

    @Test
    void failsWhenTheLastWriteWasDropped() throws Exception {
        KeyLedger.Operation first = put("dropped.txt", 1);
        KeyLedger.Operation last = putInBucketOnly("dropped.txt", 2);

        ChaosAudit.Findings findings = audit();

        assertThat(first.sequencer()).isNotEqualTo(last.sequencer());
        assertThat(findings.stale()).isEqualTo(1);
        assertThat(findings.problems()).singleElement().asString().startsWith("stale: " + prefix + "dropped.txt");
    }

    @Test
    void failsWhenAKeyHasNoDocumentAtAll() throws Exception {
        putInBucketOnly("never indexed.txt", 1);

        ChaosAudit.Findings findings = audit();

        assertThat(findings.lost()).isEqualTo(1);
        assertThat(findings.problems()).singleElement().asString().startsWith("lost: ");
    }

    @Test
    void failsWhenAStaleVersionIsPlantedUnderTheLastSequencer() throws Exception {
        KeyLedger.Operation last = putInBucketOnly("planted.txt", 5);
        // The last sequencer and ETag, but the text of an older version.
        write(document(last.key(), last.sequencer(), last.eTag(), "indexed", "chaos document [v4]"));

        ChaosAudit.Findings findings = audit();

        assertThat(findings.stale()).isEqualTo(1);
        assertThat(findings.problems()).singleElement().asString().startsWith("stale text: ");
    }

    @Test
    void failsWhenADeletedKeyIsResurrected() throws Exception {
        KeyLedger.Operation put = put("resurrected.txt", 1);
        deleteFromBucketOnly("resurrected.txt", 2);
        // A live document under the delete's sequencer, where its tombstone belongs.
        write(document(put.key(), sequencer(2), put.eTag(), "indexed", "chaos document " + put.marker()));

        ChaosAudit.Findings findings = audit();

        assertThat(findings.stale()).isEqualTo(1);
        assertThat(findings.problems()).singleElement().asString().startsWith("resurrected: ");
    }

    @Test
    void failsWhenAValidFileIsRecordedWithoutItsText() throws Exception {
        KeyLedger.Operation last = putInBucketOnly("no text.txt", 1);
        write(document(last.key(), last.sequencer(), last.eTag(), "metadata-only", ""));

        ChaosAudit.Findings findings = audit();

        assertThat(findings.metadataOnly()).isEqualTo(1);
        assertThat(findings.problems()).singleElement().asString().startsWith("metadata-only: ");
    }

    @Test
    void aKeyWhoseLastEventIsInTheDlqIsNotLostButStillAProblem() throws Exception {
        KeyLedger.Operation last = putInBucketOnly("waiting.txt", 1);
        sendToDlq(last);

        ChaosAudit.Findings findings = audit();

        assertThat(findings.lost()).isZero();
        assertThat(findings.stale()).isZero();
        assertThat(findings.problems())
                .singleElement()
                .asString()
                .startsWith("dead-lettered: " + last.key() + " (sequencer " + last.sequencer() + ")");
        assertThat(findings.dlqMessages()).isEqualTo(1);
        assertThat(findings.inDlq()).containsExactly(List.of(last.key(), last.sequencer()));
    }

    @Test
    void aPoisonDocumentCountsOnlyInTheDlqAndNeverInTheIndex() throws Exception {
        KeyLedger.Operation inDlq = putPoison("poison 1.png", 1);
        KeyLedger.Operation indexed = putPoison("poison 2.png", 2);
        sendToDlq(inDlq);
        write(document(indexed.key(), indexed.sequencer(), indexed.eTag(), "metadata-only", ""));

        ChaosAudit.Findings findings = audit();

        assertThat(findings.poisonInDlq()).isEqualTo(1);
        assertThat(findings.problems())
                .containsExactlyInAnyOrder(
                        "poison: " + indexed.key() + " is not in the DLQ",
                        "poison: " + indexed.key() + " has a document in the index: \"metadata-only\"");
    }

    private KeyLedger.Operation putPoison(String name, int version) {
        KeyLedger.Operation put = putInBucketOnly(name, version);
        KeyLedger.Operation poison = new KeyLedger.Operation(put.key(), false, put.sequencer(), put.eTag(), null, true);
        ledger.record(poison);
        return poison;
    }

    private void sendToDlq(KeyLedger.Operation operation) {
        String body = new BucketNotifications(stack.sqs(), queues.dlqUrl())
                .body("ObjectCreated:Put", BUCKET, operation.key(), 1L, operation.eTag())
                .replaceFirst("\"sequencer\":\"[0-9A-F]+\"", "\"sequencer\":\"" + operation.sequencer() + "\"");
        stack.sqs().sendMessage(request -> request.queueUrl(queues.dlqUrl()).messageBody(body));
    }

    private ChaosAudit.Findings audit() throws Exception {
        return new ChaosAudit(stack.s3(), stack.sqs(), stack.openSearchEndpoint(), alias)
                .audit(BUCKET, prefix, ledger.lastOperations(), queues.dlqUrl());
    }

    /** Puts each version in turn, in S3 and in the index, as the function would. */
    private KeyLedger.Operation put(String name, int... versions) {
        KeyLedger.Operation last = null;
        for (int version : versions) {
            last = putInBucketOnly(name, version);
            write(document(last.key(), last.sequencer(), last.eTag(), "indexed", "chaos document " + last.marker()));
        }
        return last;
    }

    private KeyLedger.Operation putInBucketOnly(String name, int version) {
        String key = prefix + name;
        String eTag = stack.s3()
                .putObject(
                        request -> request.bucket(BUCKET).key(key),
                        RequestBody.fromString("chaos document [v" + version + "]"))
                .eTag()
                .replace("\"", "");
        KeyLedger.Operation operation =
                new KeyLedger.Operation(key, false, sequencer(version), eTag, "[v" + version + "]", false);
        ledger.record(operation);
        return operation;
    }

    private void delete(String name, int putVersion, int deleteVersion) {
        put(name, putVersion);
        deleteFromBucketOnly(name, deleteVersion);
        assertThat(index.apply(List.of(new IndexOperation.Delete(BUCKET, prefix + name, sequencer(deleteVersion)))))
                .extracting(IndexItemResult::status)
                .containsOnly(IndexItemResult.Status.APPLIED);
    }

    private void deleteFromBucketOnly(String name, int version) {
        String key = prefix + name;
        stack.s3().deleteObject(request -> request.bucket(BUCKET).key(key));
        ledger.record(new KeyLedger.Operation(key, true, sequencer(version), null, null, false));
    }

    private void write(IndexedDocument document) {
        assertThat(index.apply(List.of(new IndexOperation.Upsert(document))))
                .extracting(IndexItemResult::status)
                .containsOnly(IndexItemResult.Status.APPLIED);
    }

    private static String sequencer(int version) {
        return String.format("%016X", version);
    }

    private static IndexedDocument document(String key, String sequencer, String eTag, String status, String text) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new IndexedDocument(
                BUCKET,
                key,
                null,
                eTag,
                sequencer,
                text.length(),
                "text/plain",
                "txt",
                status,
                status.equals("indexed") ? null : "unsupported",
                1,
                0,
                false,
                null,
                List.of(new PageText(1, text, false)),
                now,
                Map.of(),
                List.of(),
                null,
                Map.of(),
                now,
                null);
    }
}
