package io.docindexer.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test documents with only what a test cares about spelled out. */
public final class Documents {

    private static final Instant MODIFIED = Instant.parse("2026-01-01T00:00:00Z");

    private Documents() {}

    /**
     * A document with the fields searches filter on, its text on the pages given, numbered from 1.
     * A {@code metadata-only} one gets the reason {@code unsupported}.
     */
    public static IndexedDocument of(
            String bucket,
            String key,
            String sequencer,
            String extension,
            String status,
            Instant lastModified,
            String... pageTexts) {
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
                extension.equals("pdf") ? "application/pdf" : "text/plain",
                extension,
                status,
                status.equals("metadata-only") ? "unsupported" : null,
                pages.size(),
                0,
                false,
                content,
                pages,
                lastModified,
                Map.of(),
                List.of(),
                null,
                Map.of(),
                lastModified.plusSeconds(1),
                null);
    }

    /** A PDF of several pages, numbered from 1 in the order given. */
    static IndexedDocument paged(String bucket, String key, String sequencer, String... pageTexts) {
        return of(bucket, key, sequencer, "pdf", "indexed", MODIFIED, pageTexts);
    }

    /** A big scan's first writing: its text pages only, the scanned ones left to page-range tasks. */
    static IndexedDocument partial(String bucket, String key, String sequencer, String... textPages) {
        return of(bucket, key, sequencer, "pdf", "partial", MODIFIED, textPages);
    }

    static IndexedDocument indexed(String bucket, String key, String sequencer, String content) {
        return of(bucket, key, sequencer, "txt", "indexed", MODIFIED, content);
    }
}
