package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.event.S3EventParser;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractionLimits;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.ocr.OcrEngine;
import io.docindexer.ocr.OcrResult;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingTest {

    // Nothing listens there: priming must not send a request, and connect() makes none.
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    @Test
    void primingExtractsEverySampleAndBuildsTheirBulkBodyWithoutAServer() throws Exception {
        try (DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), new BlankOcr());
                OpenSearchDocumentIndex index = OpenSearchDocumentIndex.connect(NOWHERE, "es", "documents")) {

            String body = Priming.run(
                    new SqsEventCodec(new ObjectMapper()), new S3EventParser(new ObjectMapper()), extractor, index);

            List<String> samples = List.of("pdf", "txt", "docx", "xlsx", "xls", "html", "eml");
            assertThat(body.lines()).hasSize(2 * samples.size()); // an action line and a source line per object
            assertThat(body).contains(Priming.TEXT, "documents-v2");
            // Each sample was read, not recorded metadata-only: its text is in its source line.
            assertThat(body.lines().filter(line -> line.contains(Priming.TEXT))).hasSize(samples.size());
            samples.forEach(extension -> assertThat(body).contains("priming/sample." + extension));
        }
    }

    /** The samples have text layers; a page sent to OCR anyway reads as nothing. */
    private static final class BlankOcr implements OcrEngine {
        @Override
        public OcrResult recognize(BufferedImage image) {
            return new OcrResult("", 0);
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public void close() {}
    }
}
