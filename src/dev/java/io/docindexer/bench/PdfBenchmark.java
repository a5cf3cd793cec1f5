package io.docindexer.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.bench.BenchSide.PassResult;
import io.docindexer.cli.Main;
import io.docindexer.cli.UsageException;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractionLimits;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench pdf DIR}: our extraction of the text PDFs in DIR against poppler's
 * {@code pdftotext}, one process per file and as many at a time as there are cores (poppler has no
 * batch mode), with its measured per-process start-up reported and, in {@code ratioLessStartup},
 * taken off the reference's time (ProcessStartup), as if it were a long-lived process. PDFs whose
 * pages we would OCR are left out (pdftotext would just skip them: that is {@code bench ocr}'s
 * subject), so no Tesseract is loaded; a PDF neither side can open (encrypted) stays in and
 * counts as refused on both.
 */
public final class PdfBenchmark {

    static final String USAGE = "./docindexer bench pdf DIR [--repeat K] [--rounds R]";

    /** Small PDFs take milliseconds: enough copies make a pass of a few seconds, above timer and scheduling noise. */
    private static final int DEFAULT_REPEAT = 100;

    private static final ReferenceTool PDFTOTEXT = new ReferenceTool("pdftotext", "poppler-utils");

    private final PrintStream out;
    private final PrintStream err;

    public PdfBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, USAGE, DEFAULT_REPEAT);
        List<Path> pdfs = BenchCorpus.list(options.dir(), Set.of("pdf"));
        if (pdfs.isEmpty()) {
            throw new UsageException("no *.pdf files in " + options.dir() + "; usage: " + USAGE);
        }
        Path pdftotext = PDFTOTEXT.ensureInstalled(err);
        int threads = Runtime.getRuntime().availableProcessors();
        try (DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), new NoOcrEngine())) {
            ExtractorPool ours = new ExtractorPool(extractor, threads);
            BenchCorpus corpus = textPdfs(pdfs, ours.extractAll(pdfs), options.repeat());
            err.printf(
                    "pdf: %d text PDFs (%d pages) x %d, %d threads%n",
                    corpus.files().size(), corpus.pages(), options.repeat(), threads);
            ProcessPool reference =
                    new ProcessPool(file -> List.of(pdftotext.toString(), file.toString(), "-"), Map.of(), threads);
            Comparison.Result result = Comparison.measure(reference, ours, corpus.pass(), options.rounds(), err);
            ProcessStartup startup = ProcessStartup.measure(List.of(pdftotext.toString(), "-v"));
            ObjectNode line = BenchReport.of(
                    "pdf",
                    corpus,
                    threads,
                    result,
                    ReferenceTool.version(pdftotext, "-v") + " (" + threads + " processes, one per file)");
            double referenceSeconds = BenchReport.median(result.reference(), PassResult::seconds);
            double withoutStartup = startup.secondsWithout(referenceSeconds, corpus.filesPerPass(), threads);
            double ourPages = line.get("oursPagesPerSecond").asDouble();
            line.put("referenceStartupMillis", BenchReport.round(startup.millis()));
            line.put("referencePagesPerSecondLessStartup", BenchReport.round(corpus.pagesPerPass() / withoutStartup));
            line.put("ratioLessStartup", BenchReport.round(ourPages / (corpus.pagesPerPass() / withoutStartup)));
            out.println(line);
        }
        return Main.OK;
    }

    private BenchCorpus textPdfs(List<Path> pdfs, List<ExtractedDocument> documents, int repeat) {
        List<Path> kept = new ArrayList<>();
        int pages = 0;
        for (int i = 0; i < pdfs.size(); i++) {
            ExtractedDocument document = documents.get(i);
            if (document.ocrPageCount() > 0) {
                err.println("leaving out " + pdfs.get(i).getFileName() + ": scanned (OCR), measured by bench ocr");
                continue;
            }
            kept.add(pdfs.get(i));
            pages += document.pageCount();
        }
        if (kept.isEmpty()) {
            throw new UsageException("no text PDFs among the PDFs given (all are scans); usage: " + USAGE);
        }
        return new BenchCorpus(kept, repeat, pages);
    }
}
