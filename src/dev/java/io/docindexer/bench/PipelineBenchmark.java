package io.docindexer.bench;

import io.docindexer.cli.Main;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.FileTrees;
import io.docindexer.local.LocalServers;
import io.docindexer.local.RuntimeClientLaunch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code bench pipeline [--scanned | --mix] [--docs N] [--java-options OPTS]}: documents through
 * S3, SQS, the function and OpenSearch on the local stack until all are searchable. The function
 * runs as on Lambda, in processes of its own under the Runtime Interface Client, one per core and
 * seeing one core, each invoked with one batch at a time; the servers (queue, S3, the event source
 * pollers) run in this JVM and OpenSearch in its own. So the function processes' CPU is the
 * function's work alone, and is compared with the extract-only reference's, measured in a JVM
 * started with the same flags on the same documents. The last line is JSON ({@link PipelineRun}).
 */
public final class PipelineBenchmark {

    private static final int UPLOAD_THREADS = 8;
    private static final String SERVERS = "servers";

    private final PrintStream out;
    private final PrintStream err;

    public PipelineBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws Exception {
        PipelineOptions options = PipelineOptions.parse(args);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        int concurrency = Runtime.getRuntime().availableProcessors();
        PipelineWorkload workload = options.workload();
        int docs = workload.timed().size();
        err.printf(
                "bench pipeline: %d %s, batches of %d, %d function processes with %s (load %s)%n",
                docs, workload.name(), FunctionPipeline.BATCH_SIZE, concurrency, options.javaOptions(), load);
        Path folder = Files.createTempDirectory("bench-pipeline-");
        try (LocalServers stack = LocalServers.start();
                RuntimeClientLaunch launch = RuntimeClientLaunch.prepare()) {
            LocalServers.Queues queues =
                    stack.createQueues("bench-pipeline", FunctionPipeline.FUNCTION_TIMEOUT_MILLIS / 1000, 5);
            Map<String, String> functionEnvironment = launch.environment(stack.ingestEnvironment(queues));
            ExtractOnlyJvm.Result extractOnly = ExtractOnlyJvm.run(
                    writeFiles(folder, workload.warmUp()),
                    writeFiles(folder, workload.timed()),
                    options.javaOptions(),
                    functionEnvironment,
                    folder);
            FunctionPipeline pipeline = new FunctionPipeline(
                    stack,
                    queues,
                    launch.command(oneCoreEach(options.javaOptions())),
                    functionEnvironment,
                    concurrency,
                    err);
            CpuReport cpu = new CpuReport(List.of(
                    new CpuReport.Group(
                            SERVERS, () -> List.of(ProcessHandle.current().pid())),
                    new CpuReport.Group(FunctionPipeline.FUNCTION, pipeline::timedPids),
                    new CpuReport.Group(
                            "OpenSearch",
                            () -> stack.openSearch().processes().stream()
                                    .map(ProcessHandle::pid)
                                    .toList())));
            List<String> bodies = upload(stack, workload.timed());
            List<String> warmUp = upload(stack, workload.warmUp());
            double drainOnly = drainOnly(stack, bodies, concurrency, cpu);
            PipelineRun run = pipeline.run(workload, warmUp, bodies, cpu);
            FunctionWork function = pipeline.work(cpu);
            err.println("  CPU per document: " + cpu);
            err.printf(
                    "  extract-only (own JVM, the function's flags): %.0f docs/min, %.2f ms CPU per document, %d pages%n",
                    extractOnly.docsPerMinute(), extractOnly.cpuNanos() / 1e6 / docs, extractOnly.pages());
            if (extractOnly.pages() != run.pages()) {
                err.printf(
                        "  the function's log lines report %d pages, the extract-only reference read %d%n",
                        run.pages(), extractOnly.pages());
            }
            out.println(run.json(extractOnly, drainOnly, function)
                    .put("benchmark", "pipeline")
                    .put("documents", workload.name())
                    .put("javaOptions", String.join(" ", options.javaOptions()))
                    .put("loadAtStart", load));
            return run.complete() ? Main.OK : Main.FAILED;
        } finally {
            FileTrees.delete(folder);
        }
    }

    /**
     * A function process sees one core, as a Lambda instance sees only its own vCPUs: so the
     * processes run as many OCR threads together as the extract-only JVM does alone, and neither
     * side pays for more threads than cores.
     */
    private static List<String> oneCoreEach(List<String> javaOptions) {
        List<String> options = new ArrayList<>(javaOptions);
        options.add("-XX:ActiveProcessorCount=1");
        return options;
    }

    private double drainOnly(LocalServers stack, List<String> bodies, int concurrency, CpuReport cpu) throws Exception {
        LocalServers.Queues drainQueue = stack.createQueues("bench-drain", 60, 5);
        cpu.measure("sending events", bodies.size(), () -> {
            DrainOnlyReference.sendAll(stack.sqs(), drainQueue.queueUrl(), bodies, new long[bodies.size()]);
            return null;
        });
        return cpu.measure(
                "drain-only",
                bodies.size(),
                () -> new DrainOnlyReference(stack.sqs(), drainQueue.queueUrl(), concurrency)
                        .docsPerMinute(bodies.size(), err));
    }

    private static List<Path> writeFiles(Path folder, List<BenchFile> files) throws IOException {
        Path subfolder =
                Files.createDirectories(folder.resolve(files.get(0).key().split("/")[0]));
        List<Path> written = new ArrayList<>(files.size());
        for (BenchFile file : files) {
            written.add(Files.write(subfolder.resolve(file.fileName()), file.bytes()));
        }
        return written;
    }

    /** Puts every file into the bucket; returns each one's S3 notification body, in the same order. */
    private List<String> upload(LocalServers stack, List<BenchFile> files) throws Exception {
        BucketNotifications notifications = new BucketNotifications(stack.sqs(), "unused");
        String[] bodies = new String[files.size()];
        AtomicInteger uploaded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(UPLOAD_THREADS);
        String prefix = files.get(0).key().split("/")[0];
        try (Progress progress = new Progress(err, "uploading " + prefix, files.size(), uploaded::get)) {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int number = i;
                puts.add(pool.submit(() -> {
                    BenchFile file = files.get(number);
                    String eTag = stack.s3()
                            .putObject(
                                    request ->
                                            request.bucket(LocalServers.BUCKET).key(file.key()),
                                    RequestBody.fromBytes(file.bytes()))
                            .eTag();
                    bodies[number] = notifications.body(
                            "ObjectCreated:Put", LocalServers.BUCKET, file.key(), (long) file.bytes().length, eTag);
                    uploaded.incrementAndGet();
                }));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(bodies);
    }
}
