package io.docindexer.bench;

import io.docindexer.index.DocumentId;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.ProcessFunction;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pipeline as Lambda runs it: function processes (one per concurrent batch, each the packaged
 * artifact under the Runtime Interface Client) and an event source poller per process that hands
 * it one batch at a time. Documents count as done when a search finds them.
 */
final class FunctionPipeline {

    /** The name of the function processes' group in the {@link CpuReport}. */
    static final String FUNCTION = "function";

    /** template.yaml's BatchSize and Timeout defaults. */
    static final int BATCH_SIZE = 5;

    static final int FUNCTION_TIMEOUT_MILLIS = 300_000;

    private static final Duration INIT_TIMEOUT = Duration.ofMinutes(2);
    private static final long PATIENCE_NANOS = 30 * 60 * 1_000_000_000L;
    private static final String PIPELINE = "pipeline";

    private final LocalServers stack;
    private final LocalServers.Queues queues;
    private final List<String> command;
    private final Map<String, String> environment;
    private final int concurrency;
    private final PrintStream err;
    private final List<BilledFunction> billed = new ArrayList<>();
    private final List<Long> timedPids = new CopyOnWriteArrayList<>();

    FunctionPipeline(
            LocalServers stack,
            LocalServers.Queues queues,
            List<String> command,
            Map<String, String> environment,
            int concurrency,
            PrintStream err) {
        this.stack = stack;
        this.queues = queues;
        this.command = command;
        this.environment = environment;
        this.concurrency = concurrency;
        this.err = err;
    }

    /** The function processes once the timed pass starts; none before. */
    List<Long> timedPids() {
        return timedPids;
    }

    /**
     * Starts the function processes, runs an untimed warm-up pass (the servers and the functions
     * were just started: their JIT is as cold as a new container's, unlike a long-running
     * OpenSearch domain), then the timed pass, and stops them. Each pass finds its events already
     * queued: on AWS, S3 sends the notifications, not the function. The clock starts with the pollers.
     */
    PipelineRun run(PipelineWorkload workload, List<String> warmUp, List<String> bodies, CpuReport cpu)
            throws Exception {
        List<ProcessFunction> functions = new ArrayList<>();
        try (SearchableWatcher watcher = new SearchableWatcher(stack.openSearchEndpoint(), LocalServers.INDEX)) {
            FunctionLog log = new FunctionLog(watcher::written, err);
            for (int i = 0; i < concurrency; i++) {
                ProcessFunction function = ProcessFunction.start(command, environment, INIT_TIMEOUT, log);
                functions.add(function);
                billed.add(new BilledFunction(function));
            }
            DrainOnlyReference.sendAll(stack.sqs(), queues.queueUrl(), warmUp, new long[warmUp.size()]);
            try (Pollers pollers = new Pollers()) {
                awaitSearchable(watcher, "pipeline warm-up", warmUp.size(), 0);
            }
            billed.forEach(BilledFunction::reset);
            functions.forEach(function -> timedPids.add(function.pid()));
            int warmedUp = watcher.searchableCount();
            long[] sentAtNanos = new long[bodies.size()];
            DrainOnlyReference.sendAll(stack.sqs(), queues.queueUrl(), bodies, sentAtNanos);
            long started = System.nanoTime();
            long finished;
            try (Pollers pollers = new Pollers()) {
                finished = cpu.measure(
                        PIPELINE, bodies.size(), () -> awaitSearchable(watcher, PIPELINE, bodies.size(), warmedUp));
            }
            if (log.redelivered() > 0) {
                err.printf(
                        "  %d record outcomes were retries (redelivered after the visibility timeout)%n",
                        log.redelivered());
            }
            List<String> keys = workload.timed().stream().map(BenchFile::key).toList();
            return PipelineRun.of(
                    keys.stream()
                            .map(key -> DocumentId.of(LocalServers.BUCKET, key))
                            .toList(),
                    started,
                    finished,
                    sentAtNanos,
                    watcher,
                    watcher.indexCount(BenchDocuments.TIMED),
                    log.pages(keys),
                    log.ocrPages(keys));
        } finally {
            for (ProcessFunction function : functions) {
                function.close();
            }
        }
    }

    /** What the function processes did in the timed pass of {@link #run}. */
    FunctionWork work(CpuReport cpu) {
        return new FunctionWork(
                cpu.nanos(PIPELINE, FUNCTION),
                billed.stream().mapToDouble(BilledFunction::seconds).sum(),
                billed.stream().mapToLong(BilledFunction::invocations).sum());
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

    /** One event source poller per function process: each takes one batch at a time, as a container does. */
    private final class Pollers implements AutoCloseable {

        private final List<EventSourcePoller> pollers = new ArrayList<>();

        Pollers() {
            for (BilledFunction function : billed) {
                pollers.add(new EventSourcePoller(
                        stack.sqs(),
                        queues.queueUrl(),
                        queues.queueArn(),
                        function,
                        BATCH_SIZE,
                        1,
                        FUNCTION_TIMEOUT_MILLIS));
            }
        }

        @Override
        public void close() throws InterruptedException {
            for (EventSourcePoller poller : pollers) {
                poller.close();
            }
        }
    }
}
