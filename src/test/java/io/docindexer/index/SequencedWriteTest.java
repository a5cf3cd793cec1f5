package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequencedWriteTest {

    @Test
    void anUpsertStoresTheNormalisedSequencerTheFileNameAndIsNotDeleted() {
        IndexedDocument document = Documents.indexed("b", "reports/2026/q1.pdf", "0a", "text");

        Map<String, Object> source = SequencedWrite.source(document, Sequencer.normalise(document.sequencer()));

        assertThat(source)
                .containsEntry("sequencer", Sequencer.normalise("0A"))
                .containsEntry("fileName", "q1.pdf")
                .containsEntry("pageTexts", List.of(Map.of("number", 1, "text", "text", "ocr", false)))
                .doesNotContainKey("content")
                .containsEntry("lastModified", "2026-01-01T00:00:00Z")
                .containsEntry("deleted", false);
    }

    @Test
    void aTombstoneKeepsKeyAndSequencerButNoContent() {
        IndexOperation.Delete delete = new IndexOperation.Delete("b", "q1.pdf", "0B");

        Map<String, Object> source = SequencedWrite.tombstone(delete, "SEQ", Instant.parse("2026-02-03T04:05:06Z"));

        assertThat(source)
                .containsEntry("key", "q1.pdf")
                .containsEntry("sequencer", "SEQ")
                .containsEntry("deleted", true)
                .containsEntry("indexedAt", "2026-02-03T04:05:06Z")
                .doesNotContainKey("content")
                .doesNotContainKey("pageTexts");
    }

    @Test
    void anEntryIsWrittenUnderItsOwnKeyWithItsContainerAndTheContainersSequencer() {
        IndexOperation.Upsert container =
                new IndexOperation.Upsert(Documents.indexed("b", "mail/a.eml", "0c", "body"), List.of());
        IndexOperation.Entry entry =
                new IndexOperation.Entry("report.pdf", Documents.indexed("b", "mail/a.eml!/report.pdf", "0c", "pdf"));

        Map<String, Object> source = SequencedWrite.entrySource(container, entry, Sequencer.normalise("0c"));

        assertThat(SequencedWrite.toBulkOperation("documents-v2", container, entry)
                        .update()
                        .id())
                .isEqualTo(DocumentId.of("b", "mail/a.eml!/report.pdf"));
        assertThat(source)
                .containsEntry("key", "mail/a.eml!/report.pdf")
                .containsEntry("container", "mail/a.eml")
                .containsEntry("entryPath", "report.pdf")
                .containsEntry("fileName", "report.pdf")
                .containsEntry("sequencer", Sequencer.normalise("0C"));
    }
}
