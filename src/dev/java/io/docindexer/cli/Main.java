package io.docindexer.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The {@code ./docindexer} command line: the local counterparts of what runs on AWS. */
public final class Main {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: ./docindexer COMMAND [ARGS]

            commands:
              demo [DIR] [--query "QUERY"]...
                                   start the local stack, index the files in DIR (samples/ by default)
                                   through S3, SQS and the ingest handler, print what happened and run
                                   the queries (for samples/, a few of its own)
              stack                keep the local stack running on fixed ports until Ctrl-C, with
                                   samples/ in its bucket and local-env.json written for
                                   `sam local invoke IngestFunction -e events/s3-put.json`
              search "QUERY" [--ext EXT]... [--status indexed|metadata-only]... [--prefix KEY] [--size N]
                                   search the running stack through the stored search template, as the
                                   app does: file, score and key of each hit, its best pages with a snippet each
              invoke EVENT.json    run the ingest handler once on an SQS event against a local stack of its
                                   own (no Docker or SAM CLI needed)
              extract [--json] [--thumbnails DIR] FILE...
                                   extract text from local files only: no AWS, no servers; --json adds
                                   each page's details, --thumbnails writes each file's thumbnail to DIR
              bench pipeline [--scanned | --mix] [--docs N]
                                   index N one-page PDFs (scans; a mix of PDFs, scans, images, Office
                                   and Japanese text) through the local stack and function processes;
                                   compare with extraction alone; cost on Lambda (last line: JSON)
              bench coldstart [--runs N]
                                   time the packaged function's cold start under the Lambda Runtime
                                   Interface Client (last line: JSON)
              bench ocr DIR | bench pdf DIR [--repeat K] [--rounds R]
                                   extraction against the tesseract CLI / pdftotext on the same files,
                                   same cores (last line: JSON with "ratio", ours / reference)
              bench ocr DIR [--reference-tessdata TESSDATA]
                                   first line: the tesseract CLI on that language data; second: on ours
              bench ocr --scanned-pdf [--pages N]
                                   OCR a generated N-page scanned PDF: pages per second and peak heap
              redrive [--seed N] REQUEST
                                   run the redrive function once on a request (JSON, or a file such as
                                   events/redrive-status.json) against the local stack; --seed N first
                                   puts N dead letters in the DLQ through maxReceiveCount failures
              chaos --docs N --seed S
                                   drive N puts, overwrites and deletes through the local stack while
                                   injecting faults, then compare OpenSearch with the bucket (last line: JSON)
            """;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.print(USAGE_TEXT);
            return args.isEmpty() ? USAGE : OK;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "demo" -> new DemoCommand(out).run(rest);
                case "stack" -> new StackCommand(out).run(rest);
                case "search" -> SearchCommand.onTheRunningStack(out, err).run(rest);
                case "invoke" -> new InvokeCommand(out).run(rest);
                case "extract" -> new ExtractCommand().run(rest, out);
                case "bench" -> new BenchCommand(out, err).run(rest);
                case "redrive" -> new RedriveCommand(out).run(rest);
                case "chaos" -> new ChaosCommand(out, err).run(rest);
                default -> {
                    err.println("unknown command '" + args.get(0) + "'; run ./docindexer help to see the commands");
                    yield USAGE;
                }
            };
        } catch (UsageException usage) {
            err.println(usage.getMessage());
            return USAGE;
        } catch (Exception e) {
            err.println(args.get(0) + " failed: " + e);
            return FAILED;
        }
    }
}
