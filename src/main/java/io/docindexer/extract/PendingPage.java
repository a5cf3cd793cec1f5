package io.docindexer.extract;

import io.docindexer.ocr.OcrResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A page whose text is known (text layer, or finished by an earlier attempt) or still being
 * recognised (OCR).
 */
record PendingPage(int number, String textLayer, Future<OcrResult> ocr, ExtractedPage earlier) {

    static PendingPage ofTextLayer(int number, String text) {
        return new PendingPage(number, text, null, null);
    }

    static PendingPage ofOcr(int number, Future<OcrResult> ocr) {
        return new PendingPage(number, null, ocr, null);
    }

    static PendingPage ofEarlierAttempt(ExtractedPage page) {
        return new PendingPage(page.number(), null, null, page);
    }

    static PendingPage ofDeferred(int number) {
        return ofEarlierAttempt(ExtractedPage.deferred(number));
    }

    /**
     * Waits for the pages in order and charges their text to the budget. Pages after the budget
     * runs out keep their place (the page count stays true) with no text, and their OCR is
     * cancelled.
     */
    static List<ExtractedPage> resolveAll(List<PendingPage> pending, TextBudget budget) throws IOException {
        List<ExtractedPage> pages = new ArrayList<>(pending.size());
        for (PendingPage page : pending) {
            if (budget.truncated()) {
                if (page.ocr() != null) {
                    page.ocr().cancel(false);
                }
                pages.add(ExtractedPage.fromTextLayer(page.number(), ""));
            } else if (page.earlier() != null && page.earlier().deferred()) {
                pages.add(page.earlier());
            } else if (page.earlier() != null) {
                ExtractedPage earlier = page.earlier();
                pages.add(new ExtractedPage(
                        earlier.number(), budget.take(earlier.text()), earlier.ocr(), earlier.ocrConfidence()));
            } else if (page.ocr() == null) {
                pages.add(ExtractedPage.fromTextLayer(page.number(), budget.take(page.textLayer())));
            } else {
                OcrResult result = PageOcr.await(page.ocr());
                pages.add(ExtractedPage.fromOcr(page.number(), budget.take(result.text()), result.meanConfidence()));
            }
        }
        return pages;
    }
}
