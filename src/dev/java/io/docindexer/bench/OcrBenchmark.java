package io.docindexer.bench;

import io.docindexer.cli.Main;
import io.docindexer.cli.UsageException;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractionLimits;
import io.docindexer.ocr.TesseractOcrEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench ocr DIR}: our extraction of the images in DIR against the {@code tesseract} CLI on
 * the same files, with the same language data (TESSDATA_PREFIX, the layer's) and languages, one
 * single-threaded Tesseract per core on both sides, and the same page segmentation with
 * orientation detection ({@code --psm 1}, which ours uses), so both sides do the same OCR work
 * and read turned pages alike; what differs is how the image gets to Tesseract, the process
 * per file against our long-lived workers, and the Tesseract build (docs/benchmarks.md).
 * {@code bench ocr --scanned-pdf} times a generated scanned PDF instead.
 */
public final class OcrBenchmark {

    static final String USAGE = "./docindexer bench ocr DIR [--repeat K] [--rounds R]"
            + " | ./docindexer bench ocr --scanned-pdf [--pages N]";

    /** The default corpus (src/test/resources/corpus/ocr) takes about 3 s a pass on 2 cores. */
    private static final int DEFAULT_REPEAT = 3;
    /** What ImageExtractor reads. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "tif", "tiff", "jpg", "jpeg", "bmp", "gif");

    private static final ReferenceTool TESSERACT = new ReferenceTool("tesseract", "tesseract-ocr");

    private final PrintStream out;
    private final PrintStream err;

    public OcrBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws Exception {
        if (!args.isEmpty() && args.get(0).equals("--scanned-pdf")) {
            return new ScannedPdfBenchmark(out, err).run(args.subList(1, args.size()));
        }
        BenchOptions options = BenchOptions.parse(args, USAGE, DEFAULT_REPEAT);
        List<Path> files = BenchCorpus.list(options.dir(), IMAGE_EXTENSIONS);
        if (files.isEmpty()) {
            throw new UsageException("no images (" + IMAGE_EXTENSIONS + ") in " + options.dir() + "; usage: " + USAGE);
        }
        Path tesseract = TESSERACT.ensureInstalled(err);
        String languages = System.getenv().getOrDefault("OCR_LANGUAGES", TesseractOcrEngine.DEFAULT_LANGUAGES);
        int threads = Runtime.getRuntime().availableProcessors();
        try (TesseractOcrEngine engine = TesseractOcrEngine.fromEnvironment(languages);
                DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), engine)) {
            String tessdata = System.getenv("TESSDATA_PREFIX");
            ExtractorPool ours = new ExtractorPool(extractor, threads);
            int pages = ours.extractAll(files).stream()
                    .mapToInt(ExtractedDocument::pageCount)
                    .sum();
            BenchCorpus corpus = new BenchCorpus(files, options.repeat(), pages);
            err.printf(
                    "ocr: %d images (%d pages) x %d, %d threads, languages %s, tessdata %s%n",
                    files.size(), pages, options.repeat(), threads, languages, tessdata);
            ProcessPool reference = new ProcessPool(
                    file -> List.of(
                            tesseract.toString(),
                            file.toString(),
                            "-",
                            "--tessdata-dir",
                            tessdata,
                            "-l",
                            languages,
                            "--psm",
                            "1"),
                    // As the template sets it for ours: one thread per Tesseract, parallelism across files.
                    Map.of("OMP_THREAD_LIMIT", "1"),
                    threads);
            Comparison.Result result = Comparison.measure(reference, ours, corpus.pass(), options.rounds(), err);
            String version = ReferenceTool.version(tesseract, "--version");
            out.println(BenchReport.of(
                    "ocr",
                    corpus,
                    threads,
                    result,
                    version + " (" + threads + " processes, --psm 1, OMP_THREAD_LIMIT=1)"));
        }
        return Main.OK;
    }
}
