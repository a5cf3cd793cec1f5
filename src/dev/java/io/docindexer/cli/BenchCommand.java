package io.docindexer.cli;

import io.docindexer.bench.ColdStartBenchmark;
import io.docindexer.bench.FormatBenchmark;
import io.docindexer.bench.OcrBenchmark;
import io.docindexer.bench.PdfBenchmark;
import io.docindexer.bench.PipelineBenchmark;
import io.docindexer.bench.ScanFanOutBenchmark;
import io.docindexer.bench.SearchLayoutBenchmark;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./docindexer bench KIND ...}: one benchmark per kind. Each prints its progress on stderr
 * and its result as one JSON object on the last line of stdout, so scripts can read the last line.
 */
final class BenchCommand {

    static final String USAGE = "./docindexer bench pipeline [--scanned | --mix] [--docs N] | coldstart [--runs N]"
            + " | ocr DIR [--repeat K] [--rounds R] | ocr --scanned-pdf [--pages N] | pdf DIR [--repeat K] [--rounds R]"
            + " | formats DIR [--repeat K] [--rounds R] | search [--docs N] [--queries Q]"
            + " | scan [--pages N] [--workers W] [--threads T] [--range PAGES_PER_RANGE]";

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("bench needs a kind; usage: " + USAGE);
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "pipeline" -> new PipelineBenchmark(out, err).run(rest);
            case "coldstart" -> new ColdStartBenchmark(out, err).run(rest);
            case "ocr" -> new OcrBenchmark(out, err).run(rest);
            case "pdf" -> new PdfBenchmark(out, err).run(rest);
            case "formats" -> new FormatBenchmark(out, err).run(rest);
            case "scan" -> new ScanFanOutBenchmark(out, err).run(rest);
            case "search" -> new SearchLayoutBenchmark(out, err).run(rest);
            default -> throw new UsageException("unknown benchmark '" + args.get(0) + "'; usage: " + USAGE);
        };
    }
}
