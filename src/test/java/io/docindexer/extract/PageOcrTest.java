package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.local.Await;
import io.docindexer.ocr.OcrEngine;
import io.docindexer.ocr.OcrResult;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageOcrTest {

    private static final int SLOTS = 2;
    private static final int PAGES = 6;

    @Test
    void rendersTheNextPageOnlyWhenAnOcrSlotIsFree() throws Exception {
        AtomicInteger rendered = new AtomicInteger();
        AtomicInteger alive = new AtomicInteger();
        AtomicInteger mostAlive = new AtomicInteger();
        GatedEngine engine = new GatedEngine(alive);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<OcrResult>> results = new ArrayList<>();
        Thread submitter = new Thread(
                () -> {
                    PageOcr ocr = new PageOcr(engine, threads);
                    try {
                        for (int page = 0; page < PAGES; page++) {
                            results.add(ocr.submit(() -> {
                                rendered.incrementAndGet();
                                mostAlive.accumulateAndGet(alive.incrementAndGet(), Math::max);
                                return TestFiles.blankImage(10, 10);
                            }));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "page-submitter");
        try {
            submitter.start();
            assertThat(engine.allSlotsBusy.await(30, TimeUnit.SECONDS))
                    .as("both slots recognising")
                    .isTrue();
            Await.until(
                    Duration.ofSeconds(30),
                    "the submitter to wait for a free slot",
                    () -> submitter.getState() == Thread.State.WAITING);

            assertThat(rendered).as("pages rendered while both slots are busy").hasValue(SLOTS);

            engine.finish.release(PAGES);
            submitter.join(TimeUnit.SECONDS.toMillis(30));
            for (Future<OcrResult> result : results) {
                PageOcr.await(result);
            }
        } finally {
            threads.shutdown();
        }

        assertThat(rendered).hasValue(PAGES);
        assertThat(mostAlive).hasValue(SLOTS);
    }

    /** Recognises a page only when the test lets it finish, so the slots stay busy as long as the test needs. */
    private static final class GatedEngine implements OcrEngine {

        final CountDownLatch allSlotsBusy = new CountDownLatch(SLOTS);
        final Semaphore finish = new Semaphore(0);
        private final AtomicInteger alive;

        GatedEngine(AtomicInteger alive) {
            this.alive = alive;
        }

        @Override
        public OcrResult recognize(BufferedImage image) {
            allSlotsBusy.countDown();
            try {
                finish.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            alive.decrementAndGet();
            return new OcrResult("", 0);
        }

        @Override
        public int parallelism() {
            return SLOTS;
        }

        @Override
        public void close() {}
    }
}
