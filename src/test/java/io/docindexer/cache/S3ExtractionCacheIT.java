package io.docindexer.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.event.ObjectEvent;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractedPage;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalServersExtension.class)
class S3ExtractionCacheIT {

    @Test
    void findsWhatWasStoredForTheSameVersionOnlyInARealS3(LocalServers stack) {
        ExtractionCache cache = new S3ExtractionCache(stack.s3(), LocalServers.CACHE_BUCKET);
        String key = "scans/" + UUID.randomUUID() + "/receipt.png";
        ObjectEvent version1 = event(key, "etag-1");
        ExtractedObject extracted = new ExtractedObject(
                2048,
                "image/png",
                "etag-1",
                null,
                Instant.parse("2026-11-23T09:00:00Z"),
                ExtractedDocument.ofPages(
                        "image/png", List.of(new ExtractedPage(1, "領収書 total 1,200", true, 91.0f)), false),
                "a".repeat(64),
                Map.of("department", "経理"));

        assertThat(cache.find(version1)).isEmpty();
        cache.store(version1, extracted);

        assertThat(cache.find(version1)).contains(extracted);
        assertThat(cache.find(event(key, "etag-2"))).isEmpty();
    }

    private static ObjectEvent event(String key, String eTag) {
        return new ObjectEvent(
                ObjectEvent.Kind.CREATED,
                LocalServers.BUCKET,
                key,
                2048,
                eTag,
                null,
                "0A",
                Instant.parse("2026-11-23T09:00:00Z"),
                "ObjectCreated:Put");
    }
}
