package io.docindexer.chaos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.docindexer.local.FunctionProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A handler for the event source poller that invokes the function in a process of its own (one
 * execution environment: one invocation at a time) and, for a seeded fraction of invocations,
 * kills that process with SIGKILL part-way, as Lambda ends a container. A process that died, of
 * that kill or of its own (out of memory), fails the invocation, so the poller deletes nothing,
 * and is replaced by a fresh one for the next invocation: a cold start, as on Lambda. So is one
 * whose init failed (OpenSearch unreachable while it starts, for instance).
 *
 * <p>A kill lands at a random point no later than the previous invocation's length, and one that
 * the response beat stays due for the next invocation: warm invocations of small documents last
 * a few hundred milliseconds, and kills drawn over a fixed span would mostly come too late, so a
 * short run could end with none fired.
 */
final class KillableFunction implements RequestStreamHandler, AutoCloseable {

    /** The latest point in an invocation at which the kill is injected. */
    private static final long MAX_KILL_AFTER_MILLIS = 1_500;
    /** -XX:+ExitOnOutOfMemoryError's exit code. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private final List<String> command;
    private final Map<String, String> environment;
    private final Random random;
    private final double killRate;
    private final FaultCounts faults;
    private final DeliveryTally tally;
    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "function-killer");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> unexpectedDeaths = new CopyOnWriteArrayList<>();
    private FunctionProcess function;
    private volatile boolean killing = true;
    private boolean killDue;
    private long previousInvocationMillis = MAX_KILL_AFTER_MILLIS;

    KillableFunction(
            List<String> command,
            Map<String, String> environment,
            long seed,
            double killRate,
            FaultCounts faults,
            DeliveryTally tally) {
        this.command = command;
        this.environment = environment;
        this.random = new Random(seed);
        this.killRate = killRate;
        this.faults = faults;
        this.tally = tally;
    }

    /**
     * Starts the function and waits for its init with an event of no records, so that the run
     * begins with warm environments, as a busy queue's are; later cold starts follow deaths.
     */
    synchronized void warmUp(Duration timeout) throws Exception {
        function = FunctionProcess.start(command, environment, tally::functionOutput);
        function.invoke("{\"Records\":[]}", timeout);
    }

    /** Stops injecting kills; deaths of the function's own still happen. */
    void stopKilling() {
        killing = false;
    }

    @Override
    public synchronized void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        tally.received(event);
        if (function == null || !function.isAlive()) {
            function = FunctionProcess.start(command, environment, tally::functionOutput);
        }
        FunctionProcess invoked = function;
        // Cleared by whichever comes first, the answer or the kill, so that a kill never lands after
        // the answer on a process the next invocation would reuse.
        AtomicBoolean running = new AtomicBoolean(true);
        boolean kill = killing && (killDue || random.nextDouble() < killRate);
        long killAfter = (long) (random.nextDouble() * Math.min(MAX_KILL_AFTER_MILLIS, previousInvocationMillis));
        long started = System.nanoTime();
        boolean died = false;
        ScheduledFuture<?> scheduledKill = kill
                ? killer.schedule(
                        () -> {
                            if (running.compareAndSet(true, false)) {
                                invoked.kill();
                            }
                        },
                        killAfter,
                        TimeUnit.MILLISECONDS)
                : null;
        try {
            String response = invoked.invoke(
                    new String(event, StandardCharsets.UTF_8), Duration.ofMillis(context.getRemainingTimeInMillis()));
            output.write(response.getBytes(StandardCharsets.UTF_8));
        } catch (FunctionProcess.DiedException death) {
            died = true;
            recordDeath(death.exitCode(), !running.get(), invoked);
            throw new IOException(death.getMessage(), death);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the function ran", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause().getMessage().startsWith("init/error")) {
                // Lambda discards an environment whose init failed and starts a new one for the next event.
                discard(invoked);
            }
            throw new IOException("the function failed the invocation: " + failed.getCause(), failed);
        } catch (TimeoutException silent) {
            throw new IOException("the function did not answer in time", silent);
        } finally {
            previousInvocationMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            boolean answeredFirst = running.compareAndSet(true, false);
            if (scheduledKill != null) {
                scheduledKill.cancel(false);
            }
            killDue = scheduledKill != null && answeredFirst;
            if (!answeredFirst && !died) {
                // Killed as it answered: the next invocation must find it gone and start afresh.
                faults.fired(FaultCounts.RUNTIME_KILLED);
                if (function == invoked) {
                    discard(invoked);
                }
            }
        }
    }

    private void discard(FunctionProcess failed) throws IOException {
        function = null;
        try {
            failed.close();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while discarding a function process", interrupted);
        }
    }

    private void recordDeath(int exitCode, boolean killedByUs, FunctionProcess died) {
        if (killedByUs) {
            faults.fired(FaultCounts.RUNTIME_KILLED);
        } else if (exitCode == OUT_OF_MEMORY_EXIT) {
            faults.fired(FaultCounts.RUNTIME_OUT_OF_MEMORY);
        } else {
            faults.fired("runtimeExit" + exitCode);
            unexpectedDeaths.add("exit code " + exitCode + "; the function's last lines:\n" + died.outputTail());
        }
    }

    /** Each death nobody planned (neither a kill nor out of memory), with the function's last lines. */
    List<String> unexpectedDeaths() {
        return List.copyOf(unexpectedDeaths);
    }

    @Override
    public synchronized void close() throws InterruptedException {
        killer.shutdownNow();
        if (function != null) {
            function.close();
        }
    }
}
