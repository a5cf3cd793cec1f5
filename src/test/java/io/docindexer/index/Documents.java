package io.docindexer.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test documents with only what a test cares about spelled out. */
final class Documents {

    private Documents() {}

    /** A document of several pages, numbered from 1 in the order given. */
    static IndexedDocument paged(String bucket, String key, String sequencer, String... pageTexts) {
        List<PageText> pages = new ArrayList<>();
        for (int i = 0; i < pageTexts.length; i++) {
            pages.add(new PageText(i + 1, pageTexts[i], false));
        }
        String content = String.join("\n\n", pageTexts);
        return new IndexedDocument(
                bucket,
                key,
                "v-" + sequencer,
                "etag-" + sequencer,
                sequencer,
                content.length(),
                "application/pdf",
                "pdf",
                "indexed",
                null,
                pages.size(),
                0,
                false,
                content,
                pages,
                Instant.parse("2026-01-01T00:00:00Z"),
                Map.of(),
                List.of(),
                null,
                Map.of(),
                Instant.parse("2026-01-01T00:00:01Z"),
                null);
    }

    static IndexedDocument indexed(String bucket, String key, String sequencer, String content) {
        return new IndexedDocument(
                bucket,
                key,
                "v-" + sequencer,
                "etag-" + sequencer,
                sequencer,
                content.length(),
                "text/plain",
                "txt",
                "indexed",
                null,
                1,
                0,
                false,
                content,
                List.of(new PageText(1, content, false)),
                Instant.parse("2026-01-01T00:00:00Z"),
                Map.of(),
                List.of(),
                null,
                Map.of(),
                Instant.parse("2026-01-01T00:00:01Z"),
                null);
    }
}
