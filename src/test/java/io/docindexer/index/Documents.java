package io.docindexer.index;

import java.time.Instant;

/** Test documents with only what a test cares about spelled out. */
final class Documents {

    private Documents() {}

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
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:01Z"));
    }
}
