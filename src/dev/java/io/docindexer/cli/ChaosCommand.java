package io.docindexer.cli;

import io.docindexer.chaos.ChaosPlan;
import io.docindexer.chaos.ChaosReport;
import io.docindexer.chaos.ChaosRun;
import io.docindexer.local.LocalServers;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code chaos --docs N --seed S}: drives N S3 operations through a fresh local stack while
 * OpenSearch goes down and comes back, S3 requests fail, invocations crash and events arrive twice
 * and out of order; then compares the index with the bucket. Progress on stderr; the last stdout
 * line is the JSON result. Exits non-zero when anything was lost, duplicated, stale or dead-lettered.
 */
final class ChaosCommand {

    private static final String USAGE =
            "usage: ./docindexer chaos --docs N --seed S   (N from 1 to " + ChaosCommand.MAX_DOCS + ", S any integer)";
    private static final int MAX_DOCS = 100_000;

    private final PrintStream out;
    private final PrintStream err;

    ChaosCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws Exception {
        if (args.size() != 4 || !args.get(0).equals("--docs") || !args.get(2).equals("--seed")) {
            throw new UsageException(USAGE);
        }
        int docs = number(args.get(1));
        long seed = number(args.get(3));
        if (docs < 1 || docs > MAX_DOCS) {
            throw new UsageException(USAGE);
        }
        ChaosReport report;
        try (LocalServers stack = LocalServers.start()) {
            report = new ChaosRun(stack, ChaosPlan.standard(docs, seed), err).run();
        }
        report.problems().forEach(problem -> err.println("chaos: " + problem));
        out.println(report.json());
        return report.passed() ? Main.OK : Main.FAILED;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new UsageException("'" + text + "' is not a whole number\n" + USAGE);
        }
    }
}
