package io.docindexer.bench;

import io.docindexer.batch.BatchObserver;
import io.docindexer.batch.BatchSummary;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordReport;
import io.docindexer.cli.Main;
import io.docindexer.cli.UsageException;
import io.docindexer.config.IngestConfig;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractionLimits;
import io.docindexer.index.DocumentId;
import io.docindexer.ingest.IngestComponents;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code bench pipeline --docs N}: N one-page text PDFs through S3, SQS, the handler and OpenSearch
 * on the local stack until all are searchable, beside two references measured in the same run on
 * the same documents with the same parallelism: extraction alone, and draining the queue alone.
 */
public final class PipelineBenchmark {

    static final String USAGE = "./docindexer bench pipeline [--docs N]";
    private static final int DEFAULT_DOCS = 2_000;
    private static final int BATCH_SIZE = 10;
    private static final int FUNCTION_TIMEOUT_MILLIS = 60_000;
    private static final long PATIENCE_NANOS = 15 * 60 * 1_000_000_000L;
    private static final int UPLOAD_THREADS = 8;

    private final PrintStream out;
    private final PrintStream err;

    public PipelineBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws Exception {
        int docs = parseDocs(args);
        int concurrency = Runtime.getRuntime().availableProcessors();
        err.printf(
                "bench pipeline: %d documents, batches of %d, %d concurrent batches, %d extraction threads%n",
                docs, BATCH_SIZE, concurrency, IngestComponents.workerThreads());
        List<byte[]> pdfs = generate(docs);
        Path folder = Files.createTempDirectory("bench-pipeline-");
        try (LocalServers stack = LocalServers.start()) {
            List<Path> files = writeFiles(folder, pdfs);
            LocalServers.Queues queues = stack.createQueues("bench-pipeline", 60, 5);
            IngestConfig config = IngestConfig.fromEnv(stack.ingestEnvironment(queues));
            CpuReport cpu = new CpuReport(stack.openSearch());
            double extractOnly = extractOnly(files, cpu);
            List<String> bodies = upload(stack, pdfs, BenchDocuments.TIMED);
            // As many as the timed pass: after 500, OpenSearch's JIT was still compiling through the timed pass.
            List<String> warmUp = upload(stack, pdfs, BenchDocuments.WARM_UP);
            LocalServers.Queues drainQueue = stack.createQueues("bench-drain", 60, 5);
            cpu.measure("sending events", docs, () -> {
                DrainOnlyReference.sendAll(stack.sqs(), drainQueue.queueUrl(), bodies, new long[docs]);
                return null;
            });
            double drainOnly = cpu.measure(
                    "drain-only",
                    docs,
                    () -> new DrainOnlyReference(stack.sqs(), drainQueue.queueUrl(), concurrency)
                            .docsPerMinute(docs, err));
            PipelineRun run = pipeline(stack, queues, config, warmUp, bodies, concurrency, cpu);
            err.println("  CPU per document: " + cpu);
            printResult(docs, run, extractOnly, drainOnly);
            return run.complete() ? Main.OK : Main.FAILED;
        } finally {
            deleteFolder(folder);
        }
    }

    private static int parseDocs(List<String> args) {
        if (args.isEmpty()) {
            return DEFAULT_DOCS;
        }
        if (args.size() == 2 && args.get(0).equals("--docs")) {
            return BenchOptions.positive(args, 1, "--docs", USAGE);
        }
        throw new UsageException("unexpected arguments " + args + "; usage: " + USAGE);
    }

    private List<byte[]> generate(int docs) throws IOException {
        List<byte[]> pdfs = new ArrayList<>(docs);
        AtomicInteger made = new AtomicInteger();
        try (Progress progress = new Progress(err, "generating PDFs", docs, made::get)) {
            for (int i = 0; i < docs; i++) {
                pdfs.add(BenchDocuments.pdf(i));
                made.incrementAndGet();
            }
        }
        return pdfs;
    }

    private static List<Path> writeFiles(Path folder, List<byte[]> pdfs) throws IOException {
        List<Path> files = new ArrayList<>(pdfs.size());
        for (int i = 0; i < pdfs.size(); i++) {
            files.add(Files.write(
                    folder.resolve(Path.of(BenchDocuments.key("", i)).getFileName()), pdfs.get(i)));
        }
        return files;
    }

    /**
     * A warm-up pass (untimed, so the JIT has compiled PDFBox) and then the timed pass. The PDFs have
     * a text layer, so OCR never runs (the reference checks it); a second Tesseract engine in this
     * JVM would only add risk (closing one under the other crashed the JVM once, see docs/benchmarks.md).
     */
    private double extractOnly(List<Path> files, CpuReport cpu) throws Exception {
        try (DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), new NoOcrEngine())) {
            ExtractOnlyReference reference = new ExtractOnlyReference(extractor, IngestComponents.workerThreads());
            reference.docsPerMinute(files, err, "extract-only warm-up");
            return cpu.measure("extract-only", files.size(), () -> reference.docsPerMinute(files, err, "extract-only"));
        }
    }

    /** Puts every PDF into the bucket; returns each one's S3 notification body, in document order. */
    private List<String> upload(LocalServers stack, List<byte[]> pdfs, String prefix) throws Exception {
        BucketNotifications notifications = new BucketNotifications(stack.sqs(), "unused");
        String[] bodies = new String[pdfs.size()];
        AtomicInteger uploaded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(UPLOAD_THREADS);
        try (Progress progress = new Progress(err, "uploading " + prefix, pdfs.size(), uploaded::get)) {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < pdfs.size(); i++) {
                int number = i;
                puts.add(pool.submit(() -> {
                    String key = BenchDocuments.key(prefix, number);
                    String eTag = stack.s3()
                            .putObject(
                                    request ->
                                            request.bucket(LocalServers.BUCKET).key(key),
                                    RequestBody.fromBytes(pdfs.get(number)))
                            .eTag();
                    bodies[number] = notifications.body(
                            "ObjectCreated:Put", LocalServers.BUCKET, key, (long) pdfs.get(number).length, eTag);
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

    /**
     * An untimed warm-up pass (the servers were just started: their JIT is as cold as ours, unlike
     * a long-running OpenSearch domain), then the timed pass, through one handler. Each pass finds
     * its events already queued, as the drain-only reference does: on AWS, S3 sends the
     * notifications, not the function, and sending them here would put their cost (the SDK client's
     * and ElasticMQ's) on the same two cores inside the timed window. The clock starts with the poller.
     */
    private PipelineRun pipeline(
            LocalServers stack,
            LocalServers.Queues queues,
            IngestConfig config,
            List<String> warmUp,
            List<String> bodies,
            int concurrency,
            CpuReport cpu)
            throws Exception {
        AtomicInteger retries = new AtomicInteger();
        BatchProfile profile = new BatchProfile();
        try (SearchableWatcher watcher = new SearchableWatcher(stack.openSearchEndpoint(), LocalServers.INDEX);
                IngestComponents ingest = IngestComponents.create(config, observer(watcher, retries, profile))) {
            DrainOnlyReference.sendAll(stack.sqs(), queues.queueUrl(), warmUp, new long[warmUp.size()]);
            try (EventSourcePoller poller = poller(stack, queues, ingest, concurrency)) {
                awaitSearchable(watcher, "pipeline warm-up", warmUp.size(), 0);
            }
            profile.reset();
            int warmedUp = watcher.searchableCount();
            long[] sentAtNanos = new long[bodies.size()];
            DrainOnlyReference.sendAll(stack.sqs(), queues.queueUrl(), bodies, sentAtNanos);
            long started = System.nanoTime();
            long finished;
            try (EventSourcePoller poller = poller(stack, queues, ingest, concurrency)) {
                finished = cpu.measure(
                        "pipeline", bodies.size(), () -> awaitSearchable(watcher, "pipeline", bodies.size(), warmedUp));
            }
            err.println("  profile: " + profile);
            if (retries.get() > 0) {
                err.printf(
                        "  %d record outcomes were retries (redelivered after the visibility timeout)%n",
                        retries.get());
            }
            return PipelineRun.of(
                    bodies.size(), started, finished, sentAtNanos, watcher, watcher.indexCount(BenchDocuments.TIMED));
        }
    }

    private static EventSourcePoller poller(
            LocalServers stack, LocalServers.Queues queues, IngestComponents ingest, int concurrency) {
        return new EventSourcePoller(
                stack.sqs(),
                queues.queueUrl(),
                queues.queueArn(),
                ingest.handler(),
                BATCH_SIZE,
                concurrency,
                FUNCTION_TIMEOUT_MILLIS);
    }

    /** Waits until {@code docs} more documents than {@code searchableBefore} are searchable; returns that moment. */
    private long awaitSearchable(SearchableWatcher watcher, String phase, int docs, int searchableBefore)
            throws InterruptedException {
        long started = System.nanoTime();
        try (Progress progress =
                new Progress(err, phase + " (searchable)", docs, () -> watcher.searchableCount() - searchableBefore)) {
            while (watcher.searchableCount() - searchableBefore < docs
                    && System.nanoTime() - started < PATIENCE_NANOS) {
                Thread.sleep(SearchableWatcher.POLL_MILLIS);
            }
            return System.nanoTime();
        }
    }

    /** Tells the watcher about each document whose write succeeded, and the profile about each batch. */
    private static BatchObserver observer(SearchableWatcher watcher, AtomicInteger retries, BatchProfile profile) {
        return new BatchObserver() {
            @Override
            public void onRecord(RecordReport report) {
                if (report.outcome() instanceof RecordOutcome.Redelivered) {
                    retries.incrementAndGet();
                    return;
                }
                for (ObjectSummary object : indexedObjects(report)) {
                    watcher.written(DocumentId.of(object.bucket(), object.key()));
                }
            }

            @Override
            public void onBatch(BatchSummary summary) {
                profile.add(summary);
            }
        };
    }

    private static List<ObjectSummary> indexedObjects(RecordReport report) {
        return report.objects().stream()
                .filter(object -> object.status() == ObjectStatus.INDEXED)
                .toList();
    }

    private void printResult(int docs, PipelineRun run, double extractOnly, double drainOnly) {
        err.printf(
                "pipeline %.0f docs/min, extract-only %.0f/min, drain-only %.0f/min; latency p50 %d ms, p99 %d ms;"
                        + " index count %d of %d%n",
                run.docsPerMinute(), extractOnly, drainOnly, run.p50Millis(), run.p99Millis(), run.indexCount(), docs);
        out.println(run.json(extractOnly, drainOnly));
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }
}
