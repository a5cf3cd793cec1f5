package io.docindexer.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.extract.Thumbnail;
import io.docindexer.index.DocumentId;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexItemResult.Status;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.IndexedDocument;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.index.PageText;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Which thumbnails are left after writes arrive in any order, on the real S3Proxy and OpenSearch.
 * Each test plays events of one object as the ingest path does: the thumbnail is stored, then the
 * write naming it is applied through {@link ThumbnailTidying}.
 */
@ExtendWith(LocalServersExtension.class)
class ThumbnailTidyingIT {

    private static final String BUCKET = "docs";
    private static final Thumbnail PICTURE = new Thumbnail(new byte[] {(byte) 0xFF, (byte) 0xD8}, Thumbnail.JPEG, 1, 1);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String key = run + "/report.pdf";
    private LocalServers stack;
    private OpenSearchDocumentIndex index;
    private S3ThumbnailStore store;
    private ThumbnailTidying tidying;

    @BeforeEach
    void connect(LocalServers stack) {
        this.stack = stack;
        index = OpenSearchDocumentIndex.connect(stack.openSearchEndpoint(), "es", "thumbs-" + run);
        store = new S3ThumbnailStore(stack.s3(), LocalServers.THUMBNAIL_BUCKET);
        tidying = new ThumbnailTidying(index, store);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void aNewerVersionsWriteRemovesTheOlderVersionsThumbnail() {
        String first = put("0A", "v1");
        assertThat(write("0A", first)).isEqualTo(Status.APPLIED);
        String second = put("0B", "v2");
        assertThat(thumbnails()).containsExactlyInAnyOrder(first, second);

        assertThat(write("0B", second)).isEqualTo(Status.APPLIED);

        assertThat(thumbnails()).containsExactly(second);
    }

    @Test
    void aStaleUpsertRemovesItsOwnThumbnailAndLeavesTheNewerOne() {
        String newer = put("0C", "v3");
        assertThat(write("0C", newer)).isEqualTo(Status.APPLIED);
        String late = put("0B", "v2");

        assertThat(write("0B", late)).isEqualTo(Status.STALE);

        assertThat(thumbnails()).containsExactly(newer);
    }

    @Test
    void twoEventsWrittenInReverseOrderLeaveOnlyTheNewerThumbnail() {
        String older = put("0A", "v1");
        String newer = put("0B", "v2");

        assertThat(write("0B", newer)).isEqualTo(Status.APPLIED);
        assertThat(write("0A", older)).isEqualTo(Status.STALE);

        assertThat(thumbnails()).containsExactly(newer);
    }

    @Test
    void theSameContentWrittenTwiceHasTwoThumbnailsSoALateOlderEventCannotDeleteTheNewerOnesPicture() {
        // An unversioned bucket: both events name the same ETag.
        String older = store.put(BUCKET, key, "0A", null, "same-etag", PICTURE).orElseThrow();
        String newer = store.put(BUCKET, key, "0B", null, "same-etag", PICTURE).orElseThrow();
        assertThat(newer).isNotEqualTo(older);

        assertThat(write("0B", newer)).isEqualTo(Status.APPLIED);
        assertThat(write("0A", older)).isEqualTo(Status.STALE);

        assertThat(thumbnails()).containsExactly(newer);
    }

    @Test
    void aDeleteRemovesEveryThumbnailOfTheObjectButOneOfALaterEventStillOnItsWay() {
        String first = put("0A", "v1");
        write("0A", first);
        String notYetWritten = put("0B", "v2");
        String afterTheDelete = put("0D", "v4");

        assertThat(delete("0C")).isEqualTo(Status.APPLIED);

        assertThat(thumbnails()).doesNotContain(first, notYetWritten).containsExactly(afterTheDelete);
        assertThat(write("0B", notYetWritten)).isEqualTo(Status.STALE);
        assertThat(write("0D", afterTheDelete)).isEqualTo(Status.APPLIED);
        assertThat(thumbnails()).containsExactly(afterTheDelete);
    }

    @Test
    void aLateDeleteLeavesTheNewerEventsThumbnail() {
        String newer = put("0C", "v3");
        write("0C", newer);

        assertThat(delete("0B")).isEqualTo(Status.STALE);

        assertThat(thumbnails()).containsExactly(newer);
    }

    @Test
    void aRedeliveredEventKeepsItsOneThumbnail() {
        String first = put("0A", "v1");
        write("0A", first);
        String again = put("0A", "v1");

        assertThat(again).isEqualTo(first);
        assertThat(write("0A", again)).isEqualTo(Status.APPLIED);

        assertThat(thumbnails()).containsExactly(first);
    }

    @Test
    void aCleanUpThatFailsMakesTheWriteRetryable() {
        ThumbnailTidying withoutItsBucket =
                new ThumbnailTidying(index, new S3ThumbnailStore(stack.s3(), "no-such-thumbnail-bucket-" + run));
        String named = ThumbnailKeys.of(BUCKET, key, "0A", "v1", null, "jpg").orElseThrow();

        List<IndexItemResult> results =
                withoutItsBucket.apply(List.of(new IndexOperation.Upsert(document("0A", named))));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(Status.RETRYABLE);
            assertThat(result.detail()).contains("thumbnails could not be deleted");
        });
    }

    private String put(String sequencer, String versionId) {
        return store.put(BUCKET, key, sequencer, versionId, null, PICTURE).orElseThrow();
    }

    private Status write(String sequencer, String thumbnailKey) {
        return only(tidying.apply(List.of(new IndexOperation.Upsert(document(sequencer, thumbnailKey)))));
    }

    private Status delete(String sequencer) {
        return only(tidying.apply(List.of(new IndexOperation.Delete(BUCKET, key, sequencer))));
    }

    private static Status only(List<IndexItemResult> results) {
        assertThat(results).hasSize(1);
        return results.get(0).status();
    }

    private List<String> thumbnails() {
        return stack
                .s3()
                .listObjectsV2(request -> request.bucket(LocalServers.THUMBNAIL_BUCKET)
                        .prefix("thumbnails/" + DocumentId.of(BUCKET, key) + "/"))
                .contents()
                .stream()
                .map(S3Object::key)
                .toList();
    }

    private IndexedDocument document(String sequencer, String thumbnailKey) {
        return new IndexedDocument(
                BUCKET,
                key,
                null,
                null,
                sequencer,
                3,
                "application/pdf",
                "pdf",
                "indexed",
                null,
                1,
                0,
                false,
                "text",
                List.of(new PageText(1, "text", false)),
                Instant.parse("2026-01-01T00:00:00Z"),
                Map.of(),
                List.of(),
                null,
                Map.of(),
                Instant.parse("2026-01-01T00:00:01Z"),
                thumbnailKey);
    }
}
