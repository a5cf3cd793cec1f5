package io.docindexer.extract;

import io.docindexer.ocr.OcrEngine;
import io.docindexer.ocr.OcrResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Recognises the pages of one document in parallel while their images are produced one at a
 * time on the caller's thread. A page image is rendered only when an OCR slot is free, so at
 * most {@link OcrEngine#parallelism()} page images of a document exist at once, whatever its
 * length.
 */
final class PageOcr {

    /** Produces one page image; called on the caller's thread (PDFBox documents are single-threaded). */
    @FunctionalInterface
    interface PageImage {
        BufferedImage render() throws IOException;
    }

    private final OcrEngine engine;
    private final ExecutorService workers;
    private final Semaphore freeSlots;

    PageOcr(OcrEngine engine, ExecutorService workers) {
        this.engine = engine;
        this.workers = workers;
        this.freeSlots = new Semaphore(engine.parallelism());
    }

    /** Waits for a free slot, renders the page, and starts recognising it. */
    Future<OcrResult> submit(PageImage page) throws IOException {
        acquireSlot();
        BufferedImage image;
        try {
            image = page.render();
        } catch (IOException | RuntimeException e) {
            freeSlots.release();
            throw e;
        }
        return workers.submit(() -> {
            try {
                return engine.recognize(image);
            } finally {
                freeSlots.release();
            }
        });
    }

    /** The result of a submitted page; failures of the OCR engine itself are not content problems and propagate. */
    static OcrResult await(Future<OcrResult> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for OCR");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("OCR failed", e.getCause());
        }
    }

    private void acquireSlot() throws InterruptedIOException {
        try {
            freeSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an OCR slot");
        }
    }
}
