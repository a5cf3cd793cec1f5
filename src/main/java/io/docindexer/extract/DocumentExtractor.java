package io.docindexer.extract;

import io.docindexer.ocr.OcrEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The extraction entry point: checks the size limits, recognises the file type by its first
 * bytes (and by extension for plain text), and hands the file to the extractor for that type.
 * Owns the threads that run OCR, one per OCR engine slot; {@link #close()} stops them (the
 * OCR engine belongs to the caller).
 */
public final class DocumentExtractor implements TextExtractor, AutoCloseable {

    private final ExtractionLimits limits;
    private final OcrEngine ocr;
    private final ExecutorService ocrThreads;
    private final PdfExtractor pdf;
    private final ImageExtractor images;
    private final PlainTextExtractor plainText = new PlainTextExtractor();
    private final LanguageDetection languages = new LanguageDetection();

    public DocumentExtractor(ExtractionLimits limits, OcrEngine ocr) {
        this.limits = limits;
        this.ocr = ocr;
        this.ocrThreads = Executors.newFixedThreadPool(ocr.parallelism(), daemonThreads());
        this.pdf = new PdfExtractor(limits);
        this.images = new ImageExtractor(limits);
    }

    /** The file's content, then the languages of its pages and of the whole. */
    @Override
    public ExtractedDocument extract(Path file, String fileName, ExtractionProgress progress) throws IOException {
        ExtractedDocument content = extractContent(file, fileName, FileType.detect(file, fileName), progress);
        List<LanguageShares> shares = content.pages().stream()
                .map(page -> languages.sharesOf(page.text()))
                .toList();
        List<ExtractedPage> pages = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            pages.add(content.pages().get(i).withLanguage(shares.get(i).mostProminent()));
        }
        return content.withLanguages(pages, LanguageShares.together(shares).prominent());
    }

    private ExtractedDocument extractContent(Path file, String fileName, FileType type, ExtractionProgress progress)
            throws IOException {
        long size = Files.size(file);
        String contentType = type.contentType(fileName);
        if (size == 0) {
            return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.EMPTY_FILE);
        }
        if (size > limits.maxObjectBytes()) {
            return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.TOO_LARGE);
        }
        if (type == FileType.UNKNOWN) {
            return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.UNSUPPORTED);
        }
        if (type == FileType.TEXT) {
            return plainText.extract(file, contentType, limits.maxChars());
        }
        // One OCR gate per document: it bounds how many of this document's page images exist at once.
        PageOcr pageOcr = new PageOcr(ocr, ocrThreads);
        TextBudget budget = new TextBudget(limits.maxChars());
        return type == FileType.PDF
                ? pdf.extract(file, pageOcr, budget, progress)
                : images.extract(file, type, pageOcr, budget);
    }

    @Override
    public void close() {
        ocrThreads.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ocr-" + count.incrementAndGet());
            // Daemons, so that a CLI run or a test that never calls close() can still exit.
            thread.setDaemon(true);
            return thread;
        };
    }
}
