package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TesseractListReferenceTest {

    @Test
    void everyPageEndsWithAFormFeed() {
        assertThat(TesseractListReference.pages("first page\n\fsecond\n\f\f"))
                .containsExactly("first page\n", "second\n", "");
    }

    @Test
    void aPageCutShortAfterTheLastFormFeedIsNotCounted() {
        assertThat(TesseractListReference.pages("done\fhalf wri")).containsExactly("done");
    }

    @Test
    void noOutputIsNoPages() {
        assertThat(TesseractListReference.pages("")).isEmpty();
    }
}
