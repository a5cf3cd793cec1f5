package io.docindexer.bench;

import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.TextExtractor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The function's own work without the pipeline around it: the same documents extracted by the
 * same extractor on the same number of threads, with no queue, no S3 and no OpenSearch. The files
 * are written to the temp folder beforehand, so they are read from the page cache, as the pipeline
 * reads its downloads.
 */
final class ExtractOnlyReference {

    /** One pass: its rate and the pages it read, OCR pages among them. */
    record Pass(double docsPerMinute, long pages, long ocrPages) {}

    private final TextExtractor extractor;
    private final int threads;

    ExtractOnlyReference(TextExtractor extractor, int threads) {
        this.extractor = extractor;
        this.threads = threads;
    }

    /** Extracts every file once; fails if any comes out metadata-only (every benchmark document is readable). */
    Pass run(List<Path> files, PrintStream err, String phase) throws Exception {
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Progress progress = new Progress(err, phase, files.size(), done::get)) {
            long started = System.nanoTime();
            List<Future<ExtractedDocument>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    ExtractedDocument document =
                            extractor.extract(file, file.getFileName().toString());
                    done.incrementAndGet();
                    return document;
                }));
            }
            long pages = 0;
            long ocrPages = 0;
            for (Future<ExtractedDocument> future : futures) {
                ExtractedDocument document = future.get();
                if (document.isMetadataOnly()) {
                    throw new IllegalStateException("a benchmark document was not readable: " + document);
                }
                pages += document.pageCount();
                ocrPages += document.ocrPageCount();
            }
            return new Pass(files.size() * 60e9 / (System.nanoTime() - started), pages, ocrPages);
        } finally {
            pool.shutdownNow();
        }
    }
}
