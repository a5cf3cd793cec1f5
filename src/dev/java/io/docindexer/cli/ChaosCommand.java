package io.docindexer.cli;

import io.docindexer.chaos.ChaosPlan;
import io.docindexer.chaos.ChaosReport;
import io.docindexer.chaos.ChaosRun;
import io.docindexer.local.LocalServers;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code chaos --docs N --seed S [--outage SECONDS] [--poison N]}: drives N S3 operations through a
 * fresh local stack, the function running in processes of its own under the Runtime Interface
 * Client, while OpenSearch goes down and comes back, S3 throttles, invocations are abandoned,
 * function processes are killed or run out of memory on poison documents, and events arrive twice
 * and out of order; then audits every key, document and message. Progress on stderr; the last
 * stdout line is the JSON result. Exits non-zero when the audit found anything.
 */
final class ChaosCommand {

    private static final int MAX_DOCS = 100_000;
    private static final int MAX_OUTAGE_SECONDS = 7_200;
    private static final int MAX_POISON = 100;
    private static final String USAGE = "usage: ./docindexer chaos --docs N --seed S [--outage SECONDS] [--poison P]\n"
            + "  N from 1 to " + MAX_DOCS + "; S any integer; SECONDS from 0 to " + MAX_OUTAGE_SECONDS
            + " (OpenSearch down that long, with the queue's receives scaled so that the outage outlasts them);"
            + " P from 0 to " + MAX_POISON + " (documents that run the function out of memory)";

    private final PrintStream out;
    private final PrintStream err;

    ChaosCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws Exception {
        Integer docs = null;
        Integer seed = null;
        int outage = -1;
        int poison = 0;
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new UsageException(args.get(i) + " needs a value\n" + USAGE);
            }
            int value = number(args.get(i + 1));
            switch (args.get(i)) {
                case "--docs" -> docs = within(value, 1, MAX_DOCS, "--docs");
                case "--seed" -> seed = value;
                case "--outage" -> outage = within(value, 0, MAX_OUTAGE_SECONDS, "--outage");
                case "--poison" -> poison = within(value, 0, MAX_POISON, "--poison");
                default -> throw new UsageException("unexpected argument '" + args.get(i) + "'\n" + USAGE);
            }
        }
        if (docs == null || seed == null) {
            throw new UsageException("--docs and --seed are required\n" + USAGE);
        }
        ChaosReport report;
        try (LocalServers stack = LocalServers.start()) {
            report = new ChaosRun(stack, ChaosPlan.standard(docs, seed, outage, poison), err).run();
        }
        report.problems().forEach(problem -> err.println("chaos: " + problem));
        out.println(report.json());
        return report.passed() ? Main.OK : Main.FAILED;
    }

    private static int within(int value, int min, int max, String option) {
        if (value < min || value > max) {
            throw new UsageException(option + " must be from " + min + " to " + max + ", not " + value + "\n" + USAGE);
        }
        return value;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new UsageException("'" + text + "' is not a whole number\n" + USAGE);
        }
    }
}
