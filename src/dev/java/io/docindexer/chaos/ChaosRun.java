package io.docindexer.chaos;

import io.docindexer.config.IngestConfig;
import io.docindexer.ingest.IngestComponents;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.QueueDepth;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Drives puts, overwrites and deletes through the local pipeline while injecting faults (an
 * OpenSearch outage, failing S3 requests, crashed invocations, duplicated and reordered events),
 * then, once the faults end and the queue is drained, compares OpenSearch with the bucket.
 * Deterministic from the seed where the machine allows: the operations, their send order, the
 * duplicates and the fault draws; not the timing of concurrent pollers.
 */
public final class ChaosRun {

    private static final int BATCH_SIZE = 10;
    private static final int POLLERS = 2;
    // Above the handler's 10 s safety margin, so every invocation has time to work.
    private static final int FUNCTION_TIMEOUT_MILLIS = 30_000;
    private static final int SEND_BATCH = 10;
    private static final long PROGRESS_SECONDS = 3;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final LocalServers stack;
    private final ChaosPlan plan;
    private final PrintStream progress;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger operationsDone = new AtomicInteger();
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
        Map<String, String> env = new HashMap<>(stack.ingestEnvironment(queues));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chaos-progress");
            thread.setDaemon(true);
            return thread;
        });
        try (FaultyHttpProxy s3Faults = FaultyHttpProxy.start(
                        URI.create(env.get(IngestConfig.S3_ENDPOINT)), plan.seed(), plan.s3FailureRate());
                OpenSearchOutage outage = new OpenSearchOutage(stack.openSearch(), plan.openSearchDownFor());
                IngestComponents components = IngestComponents.create(ingestConfig(env, s3Faults), report -> {})) {
            CrashingHandler crashing = new CrashingHandler(components.handler(), plan.seed(), plan.crashRate());
            ticker.scheduleAtFixedRate(
                    () -> printProgress(queues, started, s3Faults, crashing, outage),
                    PROGRESS_SECONDS,
                    PROGRESS_SECONDS,
                    TimeUnit.SECONDS);
            Set<String> keys;
            try (EventSourcePoller poller = new EventSourcePoller(
                    stack.sqs(),
                    queues.queueUrl(),
                    queues.queueArn(),
                    crashing,
                    BATCH_SIZE,
                    POLLERS,
                    FUNCTION_TIMEOUT_MILLIS)) {
                phase = "sending events, faults on";
                keys = produce(queues, run + "/", outage);
                phase = "OpenSearch outage ending";
                outage.awaitEnd();
                s3Faults.failureRate(0);
                crashing.crashRate(0);
                phase = "faults off, draining the queue";
                awaitDrained(queues);
            } finally {
                phase = "waiting for abandoned invocations";
                crashing.close();
            }
            phase = "auditing";
            ChaosAudit.Findings findings = new ChaosAudit(
                            stack.s3(), stack.sqs(), stack.openSearchEndpoint(), LocalServers.INDEX)
                    .audit(LocalServers.BUCKET, run + "/", keys, queues.dlqUrl());
            return new ChaosReport(plan.docs(), findings, (System.nanoTime() - started) / 1_000_000_000);
        } finally {
            ticker.shutdownNow();
        }
    }

    private static IngestConfig ingestConfig(Map<String, String> env, FaultyHttpProxy s3Faults) {
        env.put(IngestConfig.S3_ENDPOINT, s3Faults.endpoint().toString());
        return IngestConfig.fromEnv(env);
    }

    /**
     * Does the operations in windows: each window's bodies are built in operation order (so their
     * sequencers are), then shuffled, some sent twice, and sent at the planned rate. The outage
     * starts a third of the way through.
     */
    private Set<String> produce(LocalServers.Queues queues, String prefix, OpenSearchOutage outage)
            throws InterruptedException {
        ChaosWorkload workload = new ChaosWorkload(
                stack.s3(),
                new BucketNotifications(stack.sqs(), queues.queueUrl()),
                LocalServers.BUCKET,
                prefix,
                plan.seed(),
                plan.docs());
        Random order = new Random(plan.seed() + 1);
        Set<String> keys = new LinkedHashSet<>();
        long windowNanos = (long) (plan.window() * 1e9 / plan.docsPerSecond());
        for (int done = 0; done < plan.docs(); ) {
            long windowStarted = System.nanoTime();
            if (done >= plan.docs() / 3) {
                outage.beginOnce();
            }
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < plan.window() && done < plan.docs(); i++, done++) {
                ChaosWorkload.Operation operation = workload.next();
                keys.add(operation.key());
                bodies.add(operation.body());
            }
            for (String body : List.copyOf(bodies)) {
                if (order.nextDouble() < plan.duplicateRate()) {
                    bodies.add(body);
                }
            }
            Collections.shuffle(bodies, order);
            send(queues.queueUrl(), bodies);
            operationsDone.set(done);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, windowNanos - (System.nanoTime() - windowStarted)));
        }
        return keys;
    }

    private void send(String queueUrl, List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += SEND_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + SEND_BATCH, bodies.size()); i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody(bodies.get(i))
                        .build());
            }
            stack.sqs().sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            sent.addAndGet(entries.size());
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

    private void printProgress(
            LocalServers.Queues queues,
            long started,
            FaultyHttpProxy s3Faults,
            CrashingHandler crashing,
            OpenSearchOutage outage) {
        try {
            int queued = QueueDepth.of(stack.sqs(), queues.queueUrl()).total();
            int handled = Math.max(0, sent.get() - queued);
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
            progress.printf(
                    "chaos: %s | documents %d/%d, messages handled %d/%d (%.0f/s) | S3 503s %d, crashes %d,"
                            + " OpenSearch %s%n",
                    phase,
                    operationsDone.get(),
                    plan.docs(),
                    handled,
                    sent.get(),
                    handled / seconds,
                    s3Faults.failed(),
                    crashing.crashes(),
                    outage.state());
        } catch (RuntimeException e) {
            progress.println("chaos: progress unavailable: " + e);
        }
    }
}
