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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bench formats DIR}: how fast each format is read, as files/s and MB/s per file extension
 * for every file under DIR (the test corpus: {@code src/test/resources/corpus}). Each format runs
 * alone through the extractor on every core, OCR included where the format needs it, after an
 * untimed pass that loads its parsers; the median of R rounds counts. There is no reference to
 * compare with: the figures show what a file of each kind costs next to the others. A line per
 * format goes to stderr as it finishes; the last line of stdout holds them all as JSON.
 */
public final class FormatBenchmark {

    static final String USAGE = "./docindexer bench formats DIR [--repeat K] [--rounds R]";

    /** Corpus files are small: enough copies make a round of a format last long enough to time. */
    private static final int DEFAULT_REPEAT = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    public FormatBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, USAGE, DEFAULT_REPEAT);
        Map<String, List<Path>> byFormat = filesByExtension(options.dir());
        if (byFormat.isEmpty()) {
            throw new UsageException("no files under " + options.dir() + "; usage: " + USAGE);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        String languages = System.getenv().getOrDefault("OCR_LANGUAGES", TesseractOcrEngine.DEFAULT_LANGUAGES);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        err.printf(
                "formats: %d formats under %s, x %d, %d threads, load %s%n",
                byFormat.size(), options.dir(), options.repeat(), threads, load);
        ObjectNode summary = JSON.createObjectNode();
        summary.put("benchmark", "formats");
        summary.put("formats", byFormat.size());
        summary.put("repeat", options.repeat());
        summary.put("rounds", options.rounds());
        summary.put("threads", threads);
        summary.put("loadAtStart", load);
        ObjectNode perFormat = summary.putObject("perFormat");
        try (TesseractOcrEngine engine = TesseractOcrEngine.fromEnvironment(languages);
                DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), engine)) {
            ExtractorPool pool = new ExtractorPool(extractor, threads);
            for (Map.Entry<String, List<Path>> format : byFormat.entrySet()) {
                perFormat.set(format.getKey(), measure(format.getKey(), format.getValue(), pool, options));
            }
        }
        out.println(summary);
        return Main.OK;
    }

    private ObjectNode measure(String extension, List<Path> files, ExtractorPool pool, BenchOptions options)
            throws Exception {
        List<ExtractedDocument> warmUp = pool.extractAll(files);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        int pages = warmUp.stream().mapToInt(ExtractedDocument::pageCount).sum();
        BenchCorpus corpus = new BenchCorpus(files, options.repeat(), pages);
        List<Long> roundNanos = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            roundNanos.add(pool.run(corpus.pass()).nanos());
        }
        FormatThroughput throughput = FormatThroughput.of(corpus.filesPerPass(), bytes * options.repeat(), roundNanos);
        err.printf(
                "formats: %-6s %3d files  %8.1f files/s  %7.2f MB/s%n",
                extension, files.size(), throughput.filesPerSecond(), throughput.megabytesPerSecond());
        ObjectNode line = JSON.createObjectNode();
        line.put("distinctFiles", files.size());
        line.put("bytes", bytes);
        line.put("filesPerSecond", BenchReport.round(throughput.filesPerSecond()));
        line.put("megabytesPerSecond", BenchReport.round(throughput.megabytesPerSecond()));
        line.put("medianRoundSeconds", BenchReport.round(throughput.medianSeconds()));
        line.put("pages", pages);
        line.put(
                "ocrPages",
                warmUp.stream().mapToInt(ExtractedDocument::ocrPageCount).sum());
        line.put(
                "metadataOnly",
                warmUp.stream().filter(ExtractedDocument::isMetadataOnly).count());
        return line;
    }

    /** Every regular file under the folder, grouped by lower-case extension ("none" without one). */
    static Map<String, List<Path>> filesByExtension(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.filter(Files::isRegularFile)
                    .sorted()
                    .collect(Collectors.groupingBy(FormatBenchmark::extension, TreeMap::new, Collectors.toList()));
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "none" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
