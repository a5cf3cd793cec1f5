package io.docindexer.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.DocumentId;
import org.junit.jupiter.api.Test;

class ThumbnailKeysTest {

    @Test
    void aKeyLivesInItsObjectsFolderAndStartsWithTheFixedWidthSequencer() {
        String key = ThumbnailKeys.of("docs", "a/b c.pdf", "0A1", "v1", "etag", "jpg")
                .orElseThrow();

        assertThat(key)
                .startsWith("thumbnails/" + DocumentId.of("docs", "a/b c.pdf") + "/0A1000")
                .endsWith(".jpg");
        assertThat(ThumbnailKeys.sequencerOf(key)).isEqualTo("0A1" + "0".repeat(29));
    }

    @Test
    void theSameEventMakesTheSameKeyAndAnotherVersionOrEventAnother() {
        String key = ThumbnailKeys.of("docs", "a.pdf", "0A", "v1", null, "jpg").orElseThrow();

        assertThat(ThumbnailKeys.of("docs", "a.pdf", "0A", "v1", null, "jpg")).contains(key);
        assertThat(ThumbnailKeys.of("docs", "a.pdf", "0A", "v2", null, "jpg")).isNotEqualTo(key);
        assertThat(ThumbnailKeys.of("docs", "a.pdf", "0B", "v1", null, "jpg")).isNotEqualTo(key);
    }

    @Test
    void theVersionIdWinsOverTheETagAndTheETagNamesTheVersionOfAnUnversionedBucket() {
        assertThat(ThumbnailKeys.of("docs", "a.pdf", "0A", "v1", "e1", "jpg"))
                .isEqualTo(ThumbnailKeys.of("docs", "a.pdf", "0A", "v1", "e2", "jpg"));
        assertThat(ThumbnailKeys.of("docs", "a.pdf", "0A", null, "e1", "jpg"))
                .isNotEqualTo(ThumbnailKeys.of("docs", "a.pdf", "0A", null, "e2", "jpg"));
    }

    @Test
    void aMalformedSequencerGetsNoKeyBecauseTheIndexRefusesItsWrite() {
        assertThat(ThumbnailKeys.of("docs", "a.pdf", "not hex", "v1", null, "jpg"))
                .isEmpty();
    }
}
