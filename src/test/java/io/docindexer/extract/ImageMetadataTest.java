package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.ocr.Corpus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImageMetadataTest {

    @Test
    void aPhotoSaysWhenAndWithWhichCameraItWasTakenAndWhichWayIsUp() {
        // Written with: exiftool -DateTimeOriginal="2026:11:20 09:15:00" -Make=Canon -Model="Canon EOS R6"
        // -Orientation#=1
        DocumentMetadata metadata = ImageMetadata.read(Corpus.file("images/invoice-photo-exif.jpg"));

        assertThat(metadata)
                .isEqualTo(DocumentMetadata.ofImage(Instant.parse("2026-11-20T09:15:00Z"), "Canon", "Canon EOS R6", 1));
    }

    @Test
    void anImageWithoutExifHasNone() {
        assertThat(ImageMetadata.read(Corpus.file("ocr/phototest-rotated-180.png")))
                .isEqualTo(DocumentMetadata.NONE);
    }

    @Test
    void aDateNoIndexCouldStoreIsLeftOutRatherThanFailingTheWrite() {
        DocumentMetadata metadata =
                DocumentMetadata.ofImage(Instant.parse("+20260-01-01T00:00:00Z"), "Canon", "Canon EOS R6", 1);

        assertThat(metadata.taken()).isNull();
        assertThat(metadata.cameraMake()).isEqualTo("Canon");
    }
}
