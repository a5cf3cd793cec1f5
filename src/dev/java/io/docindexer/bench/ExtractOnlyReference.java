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
 * The ceiling for the pipeline: the same documents extracted in-process by the same extractor on
 * the same number of threads, with no queue, no S3 and no OpenSearch. The files are written to
 * the temp folder beforehand, so they are read from the page cache, as the pipeline reads its
 * downloads.
 */
final class ExtractOnlyReference {

    private final TextExtractor extractor;
    private final int threads;

    ExtractOnlyReference(TextExtractor extractor, int threads) {
        this.extractor = extractor;
        this.threads = threads;
    }

    /** Extracts every file once and returns documents per minute; fails if any is not a one-page text PDF. */
    double docsPerMinute(List<Path> files, PrintStream err, String phase) throws Exception {
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
            for (Future<ExtractedDocument> future : futures) {
                ExtractedDocument document = future.get();
                if (document.isMetadataOnly() || document.pageCount() != 1 || document.ocrPageCount() != 0) {
                    throw new IllegalStateException(
                            "a benchmark document did not extract as one text page: " + document);
                }
            }
            return files.size() * 60e9 / (System.nanoTime() - started);
        } finally {
            pool.shutdownNow();
        }
    }
}
