package io.docindexer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.cli.Main;
import io.docindexer.cli.UsageException;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractionLimits;
import io.docindexer.ocr.TesseractOcrEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

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
 * (the most accurate one has; docs/benchmarks.md, "Per language, with Japanese ground truth") and a second line
 * gives it ours (TESSDATA_PREFIX, the layer's). {@code --rendered TEXTS} adds scan-like pages
 * made from the page texts in TEXTS (RenderedScans; src/test/resources/corpus/ocr-ja holds
 * Japanese ones), each text its page's ground truth. Each line is timed and scored per language
 * (PageLanguage), under {@code languages}, because a model variant can keep one language's
 * accuracy and lose the other's. {@code bench ocr --scanned-pdf} times a generated scanned PDF
 * instead.
 */
public final class OcrBenchmark {

    static final String USAGE =
            "./docindexer bench ocr DIR [--repeat K] [--rounds R] [--reference-tessdata DIR] [--rendered TEXTS]"
                    + " | ./docindexer bench ocr --scanned-pdf [--pages N]";

    /** The default corpus (src/test/resources/corpus/ocr) takes about 3 s a pass on 2 cores. */
    private static final int DEFAULT_REPEAT = 3;
    /** What ImageExtractor reads. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "tif", "tiff", "jpg", "jpeg", "bmp", "gif");

    private static final ObjectMapper JSON = new ObjectMapper();
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
        Path referenceTessdata = takeFolder(rest, "--reference-tessdata", "a folder of .traineddata files");
        Path renderedTexts = takeFolder(rest, "--rendered", "a folder of page texts (*.txt)");
        BenchOptions options = BenchOptions.parse(rest, USAGE, DEFAULT_REPEAT);
        List<Path> files = new ArrayList<>(BenchCorpus.list(options.dir(), IMAGE_EXTENSIONS));
        GroundTruth truth = GroundTruth.near(options.dir());
        if (renderedTexts != null) {
            Map<Path, String> rendered = RenderedScans.render(renderedTexts, temporaryFolder());
            rendered.keySet().forEach(image -> image.toFile().deleteOnExit());
            files.addAll(rendered.keySet());
            truth = truth.with(rendered);
        }
        if (files.isEmpty()) {
            throw new UsageException("no images (" + IMAGE_EXTENSIONS + ") in " + options.dir() + "; usage: " + USAGE);
        }
        Path tesseract = TESSERACT.ensureInstalled(err);
        String languages = System.getenv().getOrDefault("OCR_LANGUAGES", TesseractOcrEngine.DEFAULT_LANGUAGES);
        Path tessdata = Path.of(System.getenv("TESSDATA_PREFIX"));
        int threads = Runtime.getRuntime().availableProcessors();
        try (TesseractOcrEngine engine = TesseractOcrEngine.fromEnvironment(languages);
                DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), engine)) {
            ExtractorPool ours = new ExtractorPool(extractor, threads);
            List<ExtractedDocument> documents = ours.extractAll(files);
            Sides sides = new Sides(
                    ours,
                    files,
                    documents.stream().map(ExtractedDocument::pageCount).toList(),
                    documents.stream().map(ExtractedDocument::text).toList(),
                    truth);
            err.printf(
                    "ocr: %d images (%d with ground truth) x %d, %d threads, languages %s, tessdata %s%n",
                    files.size(), sides.truthCount(), options.repeat(), threads, languages, tessdata);
            String version = ReferenceTool.version(tesseract, "--version");
            if (referenceTessdata != null) {
                compare(tesseract, referenceTessdata, languages, "most accurate data", sides, options);
            }
            compare(tesseract, tessdata, languages, "our data", sides, options);
            err.println("reference: " + version);
        }
        return Main.OK;
    }

    /** Our side with what it read from every image in the untimed first pass, and their ground truth. */
    private record Sides(
            ExtractorPool ours, List<Path> files, List<Integer> pages, List<String> ourTexts, GroundTruth truth) {

        long truthCount() {
            return files.stream().filter(file -> truth.of(file).isPresent()).count();
        }

        BenchCorpus corpus(List<Integer> indexes, int repeat) {
            return new BenchCorpus(
                    pick(files, indexes),
                    repeat,
                    indexes.stream().mapToInt(pages::get).sum());
        }
    }

    /**
     * One JSON line: ours against the reference on {@code tessdata}, timed language by language
     * (PageLanguage: the images of each language are a pass of their own), with the whole corpus
     * (every language's pass in turn) at the top and each language under {@code languages}.
     */
    private void compare(
            Path tesseract, Path tessdata, String languages, String which, Sides sides, BenchOptions options)
            throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        TesseractListReference reference =
                new TesseractListReference(tesseract, referenceOptions(tessdata, languages), threads);
        err.println("reference with " + which + " (" + tessdata + "):");
        reference.run(sides.files());
        List<String> referenceTexts = reference.lastTexts();
        ObjectNode perLanguage = JSON.createObjectNode();
        List<Comparison.Result> results = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> group : PageLanguage.groups(sides.files(), sides.truth(), referenceTexts)
                .entrySet()) {
            List<Integer> indexes = group.getValue();
            BenchCorpus corpus = sides.corpus(indexes, options.repeat());
            err.printf("%s: %d images%n", group.getKey(), indexes.size());
            Comparison.Result result =
                    Comparison.measure(reference, sides.ours(), corpus.pass(), options.rounds(), err);
            results.add(result);
            ObjectNode line = BenchReport.of("ocr", corpus, threads, result, which);
            line.remove(List.of("benchmark", "repeat", "rounds", "threads", "reference"));
            OcrQuality.of(corpus.files(), pick(sides.ourTexts(), indexes), pick(referenceTexts, indexes), sides.truth())
                    .addTo(line);
            perLanguage.set(group.getKey(), line);
        }
        BenchCorpus all =
                sides.corpus(IntStream.range(0, sides.files().size()).boxed().toList(), options.repeat());
        ObjectNode line = BenchReport.of(
                "ocr",
                all,
                threads,
                Comparison.Result.together(results),
                "tesseract CLI, " + threads
                        + " processes reading list files, --psm 1, preserve_interword_spaces=1, OMP_THREAD_LIMIT=1, "
                        + which);
        line.put("referenceTessdata", tessdata.toString());
        OcrQuality.of(sides.files(), sides.ourTexts(), referenceTexts, sides.truth())
                .addTo(line);
        line.set("languages", perLanguage);
        out.println(line);
    }

    private static <T> List<T> pick(List<T> items, List<Integer> indexes) {
        return indexes.stream().map(items::get).toList();
    }

    /** Where the rendered pages go; removed when the benchmark ends. */
    private static Path temporaryFolder() throws IOException {
        Path folder = Files.createTempDirectory("bench-ocr-rendered-");
        folder.toFile().deleteOnExit();
        return folder;
    }

    /**
     * The same languages, page segmentation with orientation detection ({@code --psm 1}) and
     * spacing as ours: TesseractWorker keeps the page's own spaces, which stops eng+jpn from
     * spacing out Japanese text.
     */
    private static List<String> referenceOptions(Path tessdata, String languages) {
        return List.of(
                "--tessdata-dir",
                tessdata.toString(),
                "-l",
                languages,
                "--psm",
                "1",
                "-c",
                "preserve_interword_spaces=1");
    }

    /** Removes {@code option FOLDER} from the arguments and returns FOLDER, or null when absent. */
    private static Path takeFolder(List<String> args, String option, String what) {
        int at = args.indexOf(option);
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size() || !Files.isDirectory(Path.of(args.get(at + 1)))) {
            throw new UsageException(option + " needs " + what + "; usage: " + USAGE);
        }
        Path dir = Path.of(args.get(at + 1));
        args.subList(at, at + 2).clear();
        return dir;
    }
}
