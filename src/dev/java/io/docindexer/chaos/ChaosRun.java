package io.docindexer.chaos;

import io.docindexer.config.IngestConfig;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.QueueDepth;
import io.docindexer.local.RuntimeClientLaunch;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives puts, overwrites and deletes through the local pipeline, the function running under the
 * Runtime Interface Client in processes of its own, while injecting faults (an OpenSearch outage,
 * S3 throttling, abandoned invocations, function processes killed with SIGKILL or run out of
 * memory by poison documents, duplicated and reordered events); then, once the faults end and the
 * queue is drained, audits every key, document and message. Deterministic from the seed where
 * the machine allows: the operations, their send order, the duplicates and the fault draws; not
 * the timing of concurrent functions.
 */
public final class ChaosRun {

    private static final int BATCH_SIZE = 10;
    /** Concurrent function processes (execution environments), each with a poller of its own. */
    private static final int FUNCTIONS = 2;
    // Above the handler's 10 s safety margin, so every invocation has time to work.
    private static final int FUNCTION_TIMEOUT_MILLIS = 30_000;
    private static final long PROGRESS_SECONDS = 3;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final LocalServers stack;
    private final ChaosPlan plan;
    private final PrintStream progress;
    private final FaultCounts faults = new FaultCounts();
    private final DeliveryTally tally = new DeliveryTally();
    private final List<KillableFunction> functions = new ArrayList<>();
    private final List<CrashingHandler> crashing = new ArrayList<>();
    private volatile String phase = "starting";

    public ChaosRun(LocalServers stack, ChaosPlan plan, PrintStream progress) {
        this.stack = stack;
        this.plan = plan;
        this.progress = progress;
    }

    public ChaosReport run() throws Exception {
        long started = System.nanoTime();
        String run = "chaos-" + plan.seed() + "-" + UUID.randomUUID().toString().substring(0, 8);
        LocalServers.Queues queues = stack.createQueues(run, plan.visibilityTimeoutSeconds(), plan.maxReceiveCount());
        planFaults();
        ChaosProducer producer = new ChaosProducer(stack, plan, queues, run + "/", faults, tally);
        Map<String, String> settings = new HashMap<>(stack.ingestEnvironment(queues));
        settings.put(
                IngestConfig.BACKOFF_FIRST_SECONDS,
                Long.toString(plan.backoffFirst().toSeconds()));
        settings.put(
                IngestConfig.BACKOFF_MAX_SECONDS,
                Long.toString(plan.backoffMax().toSeconds()));
        ChaosProgress progressLine = new ChaosProgress(progress, stack.sqs(), queues, producer, plan.docs(), faults);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chaos-progress");
            thread.setDaemon(true);
            return thread;
        });
        try (RuntimeClientLaunch launch = RuntimeClientLaunch.prepare();
                FaultyHttpProxy s3Faults = FaultyHttpProxy.start(
                        URI.create(settings.get(IngestConfig.S3_ENDPOINT)), plan.seed(), plan.s3FailureRate());
                OpenSearchOutage outage = new OpenSearchOutage(stack.openSearch(), plan.openSearchDownFor())) {
            settings.put(IngestConfig.S3_ENDPOINT, s3Faults.endpoint().toString());
            ticker.scheduleAtFixedRate(
                    () -> progressLine.print(() -> phase, s3Faults, crashing, outage),
                    PROGRESS_SECONDS,
                    PROGRESS_SECONDS,
                    TimeUnit.SECONDS);
            runFunctions(launch.command(javaOptions()), launch.environment(settings), queues, () -> {
                phase = "sending events, faults on";
                producer.produce(outage);
                phase = "OpenSearch outage ending";
                outage.awaitEnd();
                phase = "faults on until every message was delivered once";
                awaitEveryMessageDelivered();
                s3Faults.failureRate(0);
                crashing.forEach(handler -> handler.crashRate(0));
                functions.forEach(KillableFunction::stopKilling);
                phase = "faults off, draining the queue";
                awaitDrained(queues);
            });
            faults.add(FaultCounts.S3_SLOW_DOWN, (int) s3Faults.failed());
            faults.add(FaultCounts.OPENSEARCH_OUTAGE, outage.hasRun() ? 1 : 0);
        } finally {
            ticker.shutdownNow();
        }
        faults.add(
                FaultCounts.INVOCATION_ABANDONED,
                crashing.stream().mapToInt(CrashingHandler::crashes).sum());
        faults.add(FaultCounts.S3_FAULT_REACHED_HANDLER, tally.s3FaultsThatReachedTheHandler());
        phase = "auditing";
        ChaosAudit.Findings findings = new ChaosAudit(
                        stack.s3(), stack.sqs(), stack.openSearchEndpoint(), LocalServers.INDEX)
                .audit(LocalServers.BUCKET, run + "/", producer.ledger().lastOperations(), queues.dlqUrl());
        return report(findings, (System.nanoTime() - started) / 1_000_000_000);
    }

    private interface Workload {
        void run() throws Exception;
    }

    /** Runs the workload with the function processes polling the queue, and stops them all afterwards. */
    private void runFunctions(
            List<String> command, Map<String, String> environment, LocalServers.Queues queues, Workload workload)
            throws Exception {
        List<EventSourcePoller> pollers = new ArrayList<>();
        try {
            phase = "starting the function processes";
            for (int i = 0; i < FUNCTIONS; i++) {
                KillableFunction function = new KillableFunction(
                        command, environment, plan.seed() + 100 + i, plan.killRate(), faults, tally);
                functions.add(function);
                CrashingHandler handler = new CrashingHandler(function, plan.seed() + 200 + i, plan.crashRate());
                crashing.add(handler);
                function.warmUp(Duration.ofMillis(FUNCTION_TIMEOUT_MILLIS));
                pollers.add(new EventSourcePoller(
                        stack.sqs(),
                        queues.queueUrl(),
                        queues.queueArn(),
                        handler,
                        BATCH_SIZE,
                        1,
                        FUNCTION_TIMEOUT_MILLIS));
            }
            workload.run();
        } finally {
            for (EventSourcePoller poller : pollers) {
                poller.close();
            }
            phase = "waiting for abandoned invocations";
            for (CrashingHandler handler : crashing) {
                handler.close();
            }
            for (KillableFunction function : functions) {
                function.close();
            }
        }
    }

    /** The kinds of fault this plan injects; each must fire. */
    private void planFaults() {
        if (!plan.openSearchDownFor().isZero()) {
            faults.plan(FaultCounts.OPENSEARCH_OUTAGE);
        }
        if (plan.s3FailureRate() > 0) {
            faults.plan(FaultCounts.S3_SLOW_DOWN);
            faults.plan(FaultCounts.S3_FAULT_REACHED_HANDLER);
        }
        if (plan.crashRate() > 0) {
            faults.plan(FaultCounts.INVOCATION_ABANDONED);
        }
        if (plan.killRate() > 0) {
            faults.plan(FaultCounts.RUNTIME_KILLED);
        }
        if (plan.poison() > 0) {
            faults.plan(FaultCounts.RUNTIME_OUT_OF_MEMORY);
        }
        if (plan.duplicateRate() > 0) {
            faults.plan(FaultCounts.DUPLICATE_EVENT);
        }
        if (plan.window() > 1) {
            faults.plan(FaultCounts.REORDERED_WINDOW);
        }
    }

    /**
     * Lambda's default flags, a heap too small for a poison document, and an exit on the first
     * OutOfMemoryError: on Lambda a function out of memory is ended with its container, and the
     * handler must not be able to catch the error and carry on.
     */
    private List<String> javaOptions() {
        List<String> options = new ArrayList<>(RuntimeClientLaunch.LAMBDA_JAVA_OPTIONS);
        options.add("-Xmx" + plan.functionHeapMegabytes() + "m");
        options.add("-XX:+ExitOnOutOfMemoryError");
        // A native crash report goes to the temporary directory, not into the repository.
        options.add("-XX:ErrorFile="
                + Path.of(System.getProperty("java.io.tmpdir"), "docindexer-function-hs_err_pid%p.log"));
        return options;
    }

    private ChaosReport report(ChaosAudit.Findings findings, long seconds) {
        List<String> problems = new ArrayList<>(findings.problems());
        List<String> dropped = tally.unfinished(findings.inDlq());
        problems.addAll(dropped);
        faults.neverFired().forEach(kind -> problems.add("fault never fired: " + kind));
        if (tally.recordsWithoutReceiveCount() > 0) {
            problems.add(tally.recordsWithoutReceiveCount()
                    + " records reached the function without ApproximateReceiveCount");
        }
        functions.forEach(function -> function.unexpectedDeaths()
                .forEach(death -> problems.add("the function process died unexpectedly: " + death)));
        return new ChaosReport(
                plan.docs(),
                plan.poison(),
                findings.indexed(),
                findings.metadataOnly(),
                findings.tombstones(),
                findings.dlqMessages(),
                findings.poisonInDlq(),
                findings.lost() + dropped.size(),
                findings.duplicates(),
                findings.stale(),
                tally.receivesPerMessage(),
                faults.asMap(),
                seconds,
                problems);
    }

    /**
     * Keeps the faults on until the function has seen every message at least once: the producer
     * is much faster than the function, and faults that end with the sending would miss most of
     * the work.
     */
    private void awaitEveryMessageDelivered() throws InterruptedException {
        long deadline = System.nanoTime() + plan.drainTimeout().toNanos();
        while (!tally.everyMessageDelivered()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the function had not received every message within "
                        + plan.drainTimeout().toSeconds() + " s after the last was sent");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Waits until nothing is visible or in flight, twice in a row (the counts are approximate). */
    private void awaitDrained(LocalServers.Queues queues) throws InterruptedException {
        long deadline = System.nanoTime() + plan.drainTimeout().toNanos();
        int emptyChecks = 0;
        while (emptyChecks < 2) {
            if (System.nanoTime() > deadline) {
                QueueDepth depth = QueueDepth.of(stack.sqs(), queues.queueUrl());
                throw new IllegalStateException("the queue did not drain within "
                        + plan.drainTimeout().toSeconds() + " s after the faults ended: " + depth.visible()
                        + " visible, " + depth.inFlight() + " in flight");
            }
            emptyChecks = QueueDepth.of(stack.sqs(), queues.queueUrl()).total() == 0 ? emptyChecks + 1 : 0;
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
