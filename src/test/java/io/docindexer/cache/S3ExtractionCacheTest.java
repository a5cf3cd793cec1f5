package io.docindexer.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.event.ObjectEvent;
import io.docindexer.extract.DocumentMetadata;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.MetadataOnlyReason;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3ExtractionCacheTest {

    private static ObjectEvent event(String versionId, String eTag) {
        return new ObjectEvent(
                ObjectEvent.Kind.CREATED,
                "docs",
                "contracts/東京 2026.pdf",
                10,
                eTag,
                versionId,
                "0A",
                Instant.parse("2026-11-23T09:00:00Z"),
                "ObjectCreated:Put");
    }

    @Test
    void entriesAreKeyedByObjectAndVersionPreferringTheVersionId() {
        String byVersion = S3ExtractionCache.cacheKey(event("v1", "etag"), S3ExtractionCache.RESULT)
                .orElseThrow();
        String byETag = S3ExtractionCache.cacheKey(event(null, "etag"), S3ExtractionCache.RESULT)
                .orElseThrow();

        assertThat(byVersion).startsWith("extractions/").endsWith(".json.gz").isNotEqualTo(byETag);
        assertThat(S3ExtractionCache.cacheKey(event("v2", "etag"), S3ExtractionCache.RESULT))
                .get()
                .isNotEqualTo(byVersion);
        assertThat(byVersion).matches("extractions/[0-9a-f]{64}/[0-9a-f]{64}\\.json\\.gz");
    }

    @Test
    void aCheckpointLivesBesideTheResultOfTheSameVersion() {
        String result = S3ExtractionCache.cacheKey(event("v1", null), S3ExtractionCache.RESULT)
                .orElseThrow();
        String checkpoint = S3ExtractionCache.cacheKey(event("v1", null), S3ExtractionCache.CHECKPOINT)
                .orElseThrow();

        assertThat(checkpoint)
                .isNotEqualTo(result)
                .startsWith(result.substring(0, result.length() - ".json.gz".length()));
    }

    @Test
    void aCheckpointRoundTrips() throws Exception {
        S3ExtractionCache.Checkpoint checkpoint = new S3ExtractionCache.Checkpoint(
                List.of(new ExtractedPage(1, "一ページ目", true, 90f), new ExtractedPage(2, "page two", false, null)));

        assertThat(CachedExtractionCodec.decode(
                        new ByteArrayInputStream(CachedExtractionCodec.encode(checkpoint)),
                        S3ExtractionCache.Checkpoint.class))
                .isEqualTo(checkpoint);
    }

    @Test
    void anEventWithNeitherVersionNorETagIsNeverCached() {
        assertThat(S3ExtractionCache.cacheKey(event(null, null), S3ExtractionCache.RESULT))
                .isEmpty();
    }

    @Test
    void anEntryRoundTripsWithPagesConfidenceReasonAndWhatTheFileSaysAboutItself() throws Exception {
        ExtractedObject original = new ExtractedObject(
                1234,
                "application/pdf",
                "\"e\"",
                "v1",
                Instant.parse("2026-11-23T09:00:00Z"),
                new ExtractedDocument(
                        "application/pdf",
                        List.of(
                                new ExtractedPage(1, "本文 text", false, null, "ja"),
                                new ExtractedPage(2, "scan", true, 88.5f, "en")),
                        null,
                        true,
                        null,
                        DocumentMetadata.ofPdf(
                                "業務委託契約書",
                                "山田 太郎",
                                null,
                                "契約, 保守",
                                "Writer",
                                "LibreOffice 7.5",
                                Instant.parse("2026-04-01T09:00:00Z"),
                                null),
                        List.of("ja", "en")),
                "b".repeat(64),
                Map.of("department", "legal", "案件", "保守"));
        ExtractedObject metadataOnly = new ExtractedObject(
                5,
                null,
                null,
                null,
                null,
                ExtractedDocument.metadataOnly("application/pdf", MetadataOnlyReason.ENCRYPTED),
                null,
                Map.of());

        assertThat(roundTrip(original)).isEqualTo(original);
        assertThat(roundTrip(metadataOnly)).isEqualTo(metadataOnly);
    }

    private static ExtractedObject roundTrip(ExtractedObject extraction) throws Exception {
        return CachedExtractionCodec.decode(
                new ByteArrayInputStream(CachedExtractionCodec.encode(extraction)), ExtractedObject.class);
    }
}
