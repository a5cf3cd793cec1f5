package io.docindexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.cli.Main;
import io.docindexer.cli.UsageException;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.DocumentId;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.ProcessFunction;
import io.docindexer.local.RuntimeClientLaunch;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code bench scan --pages N --workers W --threads T}: one N-page scanned PDF through the local
 * pipeline twice in one run, as Lambda would run it: read by a single function process with page
 * ranges off (one invocation and its continuations), then by W function processes side by side
 * with page ranges on. Each process is its own JVM under the Runtime Interface Client that sees T
 * vCPUs ({@code -XX:ActiveProcessorCount=T}, so T OCR threads) and takes one message per
 * invocation from its own event source poller. The time runs from the S3 notification to the
 * document complete in the index.
 */
public final class ScanFanOutBenchmark {

    static final String USAGE =
            "./docindexer bench scan [--pages N] [--workers W] [--threads T] [--range PAGES_PER_RANGE]";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FUNCTION_TIMEOUT_MILLIS = 900_000;
    private static final Duration INIT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(200);

    private final PrintStream out;
    private final PrintStream err;

    public ScanFanOutBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** What one side measured: seconds to complete, and to the first scanned pages found (fan-out only). */
    private record Side(double seconds, double firstPagesSeconds) {}

    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        Path pdf = Files.createTempFile("bench-scan-", ".pdf");
        try (LocalServers stack = LocalServers.start();
                RuntimeClientLaunch launch = RuntimeClientLaunch.prepare()) {
            err.printf("bench scan: writing a %d-page scanned PDF (load %s)%n", options.pages(), load);
            ScannedPdf.write(pdf, options.pages());
            Side single = runSide(stack, launch, pdf, "single", 1, 0, options);
            Side fanned = runSide(stack, launch, pdf, "ranges", options.workers(), options.range(), options);
            ObjectNode line = JSON.createObjectNode();
            line.put("benchmark", "scan");
            line.put("loadAtStart", load);
            line.put("rangePages", options.range());
            line.put("singleSeconds", BenchReport.round(single.seconds()));
            line.put("firstPagesSeconds", BenchReport.round(fanned.firstPagesSeconds()));
            // CPU per page, as the single process keeps its T threads busy: what sizes a Lambda estimate.
            line.put("threadSecondsPerPage", BenchReport.round(single.seconds() * options.threads() / options.pages()));
            line.put("pages", options.pages());
            line.put("workers", options.workers());
            line.put("threads", options.threads());
            line.put("seconds", BenchReport.round(fanned.seconds()));
            line.put("pagesPerSecond", BenchReport.round(options.pages() / fanned.seconds()));
            line.put("speedup", BenchReport.round(single.seconds() / fanned.seconds()));
            out.println(line);
        } finally {
            Files.deleteIfExists(pdf);
        }
        return Main.OK;
    }

    private Side runSide(
            LocalServers stack,
            RuntimeClientLaunch launch,
            Path pdf,
            String name,
            int workers,
            int range,
            Options options)
            throws Exception {
        LocalServers.Queues queues = stack.createQueues("bench-scan-" + name + "-" + UUID.randomUUID(), 900, 5);
        Map<String, String> settings = new HashMap<>(stack.ingestEnvironment(queues));
        settings.put(IngestConfig.PAGES_PER_RANGE, Integer.toString(range));
        List<String> javaOptions = new ArrayList<>(RuntimeClientLaunch.LAMBDA_JAVA_OPTIONS);
        javaOptions.add("-XX:ActiveProcessorCount=" + options.threads());
        List<ProcessFunction> functions = new ArrayList<>();
        List<EventSourcePoller> pollers = new ArrayList<>();
        try {
            err.printf("bench scan: %s: starting %d function process(es)%n", name, workers);
            for (int i = 0; i < workers; i++) {
                ProcessFunction function =
                        ProcessFunction.start(launch.command(javaOptions), launch.environment(settings), INIT_TIMEOUT);
                functions.add(function);
                pollers.add(new EventSourcePoller(
                        stack.sqs(), queues.queueUrl(), queues.queueArn(), function, 1, 1, FUNCTION_TIMEOUT_MILLIS));
            }
            String key = "bench/scan/" + name + "/" + UUID.randomUUID() + ".pdf";
            stack.s3().putObject(request -> request.bucket(LocalServers.BUCKET).key(key), RequestBody.fromFile(pdf));
            long started = System.nanoTime();
            new BucketNotifications(stack.sqs(), queues.queueUrl())
                    .objectCreated(
                            LocalServers.BUCKET,
                            key,
                            stack.s3()
                                    .headObject(request ->
                                            request.bucket(LocalServers.BUCKET).key(key)));
            Side side = awaitComplete(stack, key, started, options.pages());
            err.printf(
                    "bench scan: %s: %d pages complete after %.1f s (first scanned pages found after %.1f s)%n",
                    name, options.pages(), side.seconds(), side.firstPagesSeconds());
            if (stack.messagesIn(queues.dlqUrl()) > 0) {
                throw new IllegalStateException(name + ": messages went to the DLQ; the run is not valid");
            }
            return side;
        } finally {
            for (EventSourcePoller poller : pollers) {
                poller.close();
            }
            for (ProcessFunction function : functions) {
                function.close();
            }
        }
    }

    /** Polls the index until the document is indexed with all its pages read. */
    private Side awaitComplete(LocalServers stack, String key, long started, int pages) throws InterruptedException {
        BenchHttp http = new BenchHttp(stack.openSearchEndpoint());
        String query = "{\"query\":{\"ids\":{\"values\":[\"" + DocumentId.of(LocalServers.BUCKET, key)
                + "\"]}},\"_source\":[\"status\",\"ocrPages\"]}";
        long deadline = started + Duration.ofMillis(FUNCTION_TIMEOUT_MILLIS).toNanos();
        double firstPages = Double.NaN;
        while (System.nanoTime() < deadline) {
            JsonNode hits = http.json("POST", "/" + LocalServers.INDEX + "/_search", query)
                    .path("hits")
                    .path("hits");
            JsonNode source = hits.path(0).path("_source");
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (Double.isNaN(firstPages) && source.path("ocrPages").asInt() > 0) {
                firstPages = elapsed;
            }
            if (source.path("status").asText().equals("indexed")
                    && source.path("ocrPages").asInt() == pages) {
                return new Side(elapsed, firstPages);
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(key + " was not complete after " + FUNCTION_TIMEOUT_MILLIS / 1000 + " s");
    }

    private record Options(int pages, int workers, int threads, int range) {
        static Options parse(List<String> args) {
            int pages = 60;
            int workers = 2;
            int threads = 1;
            int range = 10;
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                switch (option) {
                    case "--pages" -> pages = BenchOptions.positive(args, ++i, option, USAGE);
                    case "--workers" -> workers = BenchOptions.positive(args, ++i, option, USAGE);
                    case "--threads" -> threads = BenchOptions.positive(args, ++i, option, USAGE);
                    case "--range" -> range = BenchOptions.positive(args, ++i, option, USAGE);
                    default -> throw new UsageException("unexpected argument '" + option + "'; usage: " + USAGE);
                }
            }
            return new Options(pages, workers, threads, range);
        }
    }
}
