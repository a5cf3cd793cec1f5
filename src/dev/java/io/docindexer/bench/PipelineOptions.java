package io.docindexer.bench;

import io.docindexer.cli.UsageException;
import io.docindexer.local.RuntimeClientLaunch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench pipeline}'s command line: which documents, how many, and the JVM flags of the
 * function processes and the extract-only JVM (Lambda's defaults unless {@code --java-options}
 * replaces them).
 */
record PipelineOptions(Documents documents, int docs, List<String> javaOptions) {

    static final String USAGE =
            "./docindexer bench pipeline [--scanned | --mix] [--docs N] [--java-options \"OPTIONS\"]";

    /** One-page text PDFs (the default), one-page scans, or the mix of {@link MixedDocuments}. */
    enum Documents {
        TEXT(2_000),
        SCANNED(40),
        MIX(400);

        private final int defaultDocs;

        Documents(int defaultDocs) {
            this.defaultDocs = defaultDocs;
        }
    }

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    static PipelineOptions parse(List<String> args) {
        Documents documents = Documents.TEXT;
        Integer docs = null;
        List<String> javaOptions = RuntimeClientLaunch.LAMBDA_JAVA_OPTIONS;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--docs" -> docs = BenchOptions.positive(args, ++i, option, USAGE);
                case "--scanned", "--mix" -> {
                    if (documents != Documents.TEXT) {
                        throw new UsageException("--scanned and --mix exclude each other; usage: " + USAGE);
                    }
                    documents = option.equals("--mix") ? Documents.MIX : Documents.SCANNED;
                }
                case "--java-options" -> {
                    if (++i >= args.size()) {
                        throw new UsageException("--java-options needs a value; usage: " + USAGE);
                    }
                    javaOptions = Arrays.asList(args.get(i).trim().split("\\s+"));
                }
                default -> throw new UsageException("unexpected argument '" + option + "'; usage: " + USAGE);
            }
        }
        return new PipelineOptions(documents, docs == null ? documents.defaultDocs : docs, javaOptions);
    }

    PipelineWorkload workload() throws IOException {
        return switch (documents) {
            case TEXT -> PipelineWorkload.textPdfs(docs);
            case SCANNED -> PipelineWorkload.scannedPages(docs);
            case MIX -> PipelineWorkload.mix(docs, CORPUS);
        };
    }
}
