package io.docindexer.bench;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code bench ocr DIR}: our extraction of the images in DIR against the {@code tesseract} CLI on
 * the same files, run as a fair user would (TesseractListReference: one long-lived process per
 * core reading a list file, so no start-up per image), with the same languages, one
 * single-threaded Tesseract per core on both sides, and the same page segmentation with
 * orientation detection ({@code --psm 1}, which ours uses). Both sides get the same untimed
 * warm-up pass (Comparison). Before the timed rounds one more pass of each side over the distinct
 * images compares what they read (OcrQuality: character error rate against the corpus's ground
 * truth, and text length).
 *
 * <p>With {@code --reference-tessdata DIR} the first line gives the reference that language data
 * (the most accurate one has; docs/benchmarks.md, "OCR speed by model choice") and a second line
 * gives it ours (TESSDATA_PREFIX, the layer's). {@code bench ocr --scanned-pdf} times a generated
 * scanned PDF instead.
 */
public final class OcrBenchmark {

    static final String USAGE = "./docindexer bench ocr DIR [--repeat K] [--rounds R] [--reference-tessdata DIR]"
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
        List<String> rest = new ArrayList<>(args);
        Path referenceTessdata = takeReferenceTessdata(rest);
        BenchOptions options = BenchOptions.parse(rest, USAGE, DEFAULT_REPEAT);
        List<Path> files = BenchCorpus.list(options.dir(), IMAGE_EXTENSIONS);
        if (files.isEmpty()) {
            throw new UsageException("no images (" + IMAGE_EXTENSIONS + ") in " + options.dir() + "; usage: " + USAGE);
        }
        Path tesseract = TESSERACT.ensureInstalled(err);
        String languages = System.getenv().getOrDefault("OCR_LANGUAGES", TesseractOcrEngine.DEFAULT_LANGUAGES);
        String tessdata = System.getenv("TESSDATA_PREFIX");
        int threads = Runtime.getRuntime().availableProcessors();
        GroundTruth truth = GroundTruth.near(options.dir());
        try (TesseractOcrEngine engine = TesseractOcrEngine.fromEnvironment(languages);
                DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), engine)) {
            ExtractorPool ours = new ExtractorPool(extractor, threads);
            List<ExtractedDocument> documents = ours.extractAll(files);
            int pages =
                    documents.stream().mapToInt(ExtractedDocument::pageCount).sum();
            BenchCorpus corpus = new BenchCorpus(files, options.repeat(), pages);
            err.printf(
                    "ocr: %d images (%d pages, %d with ground truth) x %d, %d threads, languages %s, tessdata %s%n",
                    files.size(), pages, truth.size(), options.repeat(), threads, languages, tessdata);
            List<String> ourTexts =
                    documents.stream().map(ExtractedDocument::text).toList();
            String version = ReferenceTool.version(tesseract, "--version");
            if (referenceTessdata != null) {
                compare(
                        new TesseractListReference(tesseract, referenceOptions(referenceTessdata, languages), threads),
                        referenceTessdata,
                        "most accurate data",
                        ours,
                        ourTexts,
                        corpus,
                        truth,
                        options);
            }
            compare(
                    new TesseractListReference(tesseract, referenceOptions(Path.of(tessdata), languages), threads),
                    Path.of(tessdata),
                    "our data",
                    ours,
                    ourTexts,
                    corpus,
                    truth,
                    options);
            err.println("reference: " + version);
        }
        return Main.OK;
    }

    private void compare(
            TesseractListReference reference,
            Path tessdata,
            String which,
            ExtractorPool ours,
            List<String> ourTexts,
            BenchCorpus corpus,
            GroundTruth truth,
            BenchOptions options)
            throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        err.println("reference with " + which + " (" + tessdata + "):");
        reference.run(corpus.files());
        OcrQuality quality = OcrQuality.of(corpus.files(), ourTexts, reference.lastTexts(), truth);
        Comparison.Result result = Comparison.measure(reference, ours, corpus.pass(), options.rounds(), err);
        ObjectNode line = BenchReport.of(
                "ocr",
                corpus,
                threads,
                result,
                "tesseract CLI, " + threads + " processes reading list files, --psm 1, OMP_THREAD_LIMIT=1, " + which);
        line.put("referenceTessdata", tessdata.toString());
        quality.addTo(line);
        out.println(line);
    }

    /** The same languages and page segmentation with orientation detection ({@code --psm 1}) as ours. */
    private static List<String> referenceOptions(Path tessdata, String languages) {
        return List.of("--tessdata-dir", tessdata.toString(), "-l", languages, "--psm", "1");
    }

    /** Removes {@code --reference-tessdata DIR} from the arguments and returns DIR, or null when absent. */
    private static Path takeReferenceTessdata(List<String> args) {
        int at = args.indexOf("--reference-tessdata");
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size() || !Files.isDirectory(Path.of(args.get(at + 1)))) {
            throw new UsageException("--reference-tessdata needs a folder of .traineddata files; usage: " + USAGE);
        }
        Path dir = Path.of(args.get(at + 1));
        args.subList(at, at + 2).clear();
        return dir;
    }
}
