package io.docindexer.bench;

import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.TextExtractor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Our side: the extractor over the files, as many files at a time as there are threads. A
 * one-page image keeps one OCR worker busy, so files must run side by side to use every core,
 * as they do in the function when a batch holds several records.
 */
final class ExtractorPool implements BenchSide {

    private final TextExtractor extractor;
    private final int threads;

    ExtractorPool(TextExtractor extractor, int threads) {
        this.extractor = extractor;
        this.threads = threads;
    }

    @Override
    public PassResult run(List<Path> files) throws Exception {
        long started = System.nanoTime();
        long cpuBefore = CpuClock.ownNanos();
        List<ExtractedDocument> documents = extractAll(files);
        long nanos = System.nanoTime() - started;
        // The whole JVM's CPU time: JIT and garbage collection are part of our cost.
        int refused = (int)
                documents.stream().filter(ExtractedDocument::isMetadataOnly).count();
        return new PassResult(nanos, CpuClock.ownNanos() - cpuBefore, refused);
    }

    /** The documents, in the order of the files. */
    List<ExtractedDocument> extractAll(List<Path> files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ExtractedDocument>> results = new ArrayList<>(files.size());
            for (Path file : files) {
                results.add(pool.submit(
                        () -> extractor.extract(file, file.getFileName().toString())));
            }
            List<ExtractedDocument> documents = new ArrayList<>(files.size());
            for (Future<ExtractedDocument> result : results) {
                documents.add(result.get());
            }
            return documents;
        } finally {
            pool.shutdownNow();
        }
    }
}
