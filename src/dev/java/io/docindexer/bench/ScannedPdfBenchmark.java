package io.docindexer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.cli.Main;
import io.docindexer.cli.UsageException;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractionLimits;
import io.docindexer.ocr.TesseractOcrEngine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench ocr --scanned-pdf [--pages N]}: generates an N-page scanned PDF (default 300) and
 * extracts it once, the way the function does (pages rendered one at a time, OCRed on every
 * core), reporting pages per second and the peak heap. Run it under a small heap to check the
 * memory bound: {@code JAVA_TOOL_OPTIONS=-Xmx512m ./docindexer bench ocr --scanned-pdf}.
 */
final class ScannedPdfBenchmark {

    private static final int DEFAULT_PAGES = 300;
    private static final String USAGE = "./docindexer bench ocr --scanned-pdf [--pages N]";
    private static final double MIB = 1024 * 1024;

    private final PrintStream out;
    private final PrintStream err;

    ScannedPdfBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws Exception {
        int pages = pages(args);
        Path folder = Files.createTempDirectory("docindexer-bench");
        Path pdf = folder.resolve("scanned-" + pages + "-pages.pdf");
        try {
            err.printf("writing a %d-page scanned PDF...%n", pages);
            ScannedPdf.write(pdf, pages);
            String languages = System.getenv().getOrDefault("OCR_LANGUAGES", TesseractOcrEngine.DEFAULT_LANGUAGES);
            try (TesseractOcrEngine engine = TesseractOcrEngine.fromEnvironment(languages);
                    DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), engine)) {
                err.printf(
                        "extracting %s (%d MB) with %d OCR workers...%n",
                        pdf.getFileName(), Files.size(pdf) / (1024 * 1024), engine.parallelism());
                System.gc();
                ExtractedDocument document;
                long nanos;
                long peak;
                try (HeapPeak heap = new HeapPeak()) {
                    long started = System.nanoTime();
                    document = extractor.extract(pdf, pdf.getFileName().toString());
                    nanos = System.nanoTime() - started;
                    peak = heap.peakBytes();
                }
                out.println(report(document, nanos, peak, engine.parallelism()));
            }
        } finally {
            Files.deleteIfExists(pdf);
            Files.deleteIfExists(folder);
        }
        return Main.OK;
    }

    private static ObjectNode report(ExtractedDocument document, long nanos, long peakHeap, int threads) {
        double seconds = nanos / 1e9;
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("benchmark", "scanned-pdf");
        line.put("pages", document.pageCount());
        line.put("ocrPages", document.ocrPageCount());
        line.put("chars", document.text().length());
        line.put("threads", threads);
        line.put("seconds", BenchReport.round(seconds));
        line.put("oursPagesPerSecond", BenchReport.round(document.pageCount() / seconds));
        line.put("peakHeapMiB", Math.round(peakHeap / MIB));
        line.put("maxHeapMiB", Math.round(Runtime.getRuntime().maxMemory() / MIB));
        return line;
    }

    private static int pages(List<String> args) {
        if (args.isEmpty()) {
            return DEFAULT_PAGES;
        }
        if (args.size() == 2 && args.get(0).equals("--pages")) {
            return BenchOptions.positive(args, 1, "--pages", USAGE);
        }
        throw new UsageException("unexpected arguments " + args + "; usage: " + USAGE);
    }
}
