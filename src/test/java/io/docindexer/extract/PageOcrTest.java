package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.ocr.OcrEngine;
import io.docindexer.ocr.OcrResult;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageOcrTest {

    @Test
    void neverHoldsMorePageImagesThanOcrSlots() throws Exception {
        AtomicInteger alive = new AtomicInteger();
        AtomicInteger mostAlive = new AtomicInteger();
        OcrEngine slowEngine = new SlowEngine(alive, 2);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            PageOcr ocr = new PageOcr(slowEngine, threads);
            List<Future<OcrResult>> results = new ArrayList<>();
            for (int page = 0; page < 20; page++) {
                results.add(ocr.submit(() -> {
                    mostAlive.accumulateAndGet(alive.incrementAndGet(), Math::max);
                    return TestFiles.blankImage(10, 10);
                }));
            }
            for (Future<OcrResult> result : results) {
                PageOcr.await(result);
            }
        } finally {
            threads.shutdown();
        }

        assertThat(mostAlive.get()).isEqualTo(2);
    }

    /** Takes a while per image, so a pipeline without back-pressure would pile images up. */
    private record SlowEngine(AtomicInteger alive, int parallelism) implements OcrEngine {

        @Override
        public OcrResult recognize(BufferedImage image) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            alive.decrementAndGet();
            return new OcrResult("", 0);
        }

        @Override
        public void close() {
        }
    }
}
