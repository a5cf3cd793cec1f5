package io.docindexer.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One Lambda execution environment: the function in a JVM of its own under AWS's Runtime
 * Interface Client, talking to a Runtime API of its own on loopback. Its output goes, line by
 * line, to a consumer. When the process ends mid-invocation (killed, out of memory) the
 * invocation fails with {@link DiedException}, as the event source mapping sees a dead container.
 */
public final class FunctionProcess implements AutoCloseable {

    private static final int TAIL_LINES = 40;

    /** How long after the invocation's deadline a silent function is given up on. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final LambdaRuntimeApi api;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    /** Ends the process if the harness is stopped (Ctrl-C) before it closes this. */
    private final Thread killOnExit;

    private FunctionProcess(LambdaRuntimeApi api, Process process) {
        this.api = api;
        this.process = process;
        this.killOnExit = new Thread(process::destroyForcibly, "function-process-cleanup");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a process, one at a time: the runtime client unpacks its native library to a fixed
     * path, {@code /tmp/.libaws-lambda-jni.so}, at every start (on Lambda each sandbox has its
     * own /tmp), and a process that maps the file while another rewrites it dies of SIGBUS. So each
     * start waits until the client asks for its first event, after it loaded the library.
     */
    public static FunctionProcess start(List<String> command, Map<String, String> environment, Consumer<String> output)
            throws IOException {
        synchronized (FunctionProcess.class) {
            FunctionProcess function = launch(command, environment, output);
            try {
                CompletableFuture.anyOf(function.api.firstPoll(), function.process.onExit())
                        .get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the function process started", interrupted);
            } catch (ExecutionException | TimeoutException slow) {
                // A process that does not get as far is seen to fail at its first invocation.
            }
            return function;
        }
    }

    private static FunctionProcess launch(
            List<String> command, Map<String, String> environment, Consumer<String> output) throws IOException {
        LambdaRuntimeApi api = LambdaRuntimeApi.start();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put(LambdaRuntimeApi.ADDRESS_VARIABLE, api.address());
        FunctionProcess function = new FunctionProcess(api, builder.start());
        Thread reader = new Thread(() -> function.readLines(output), "function-output-" + function.process.pid());
        reader.setDaemon(true);
        reader.start();
        return function;
    }

    private void readLines(Consumer<String> output) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.accept(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    /**
     * Invokes the function and returns its response, or throws when the process ended first.
     * The event is queued at once; a function still starting takes it when it is ready.
     */
    public String invoke(String event, Duration timeout)
            throws DiedException, InterruptedException, TimeoutException, ExecutionException {
        CompletableFuture<String> response = api.invoke(event, timeout);
        CompletableFuture.anyOf(response, process.onExit())
                .get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        if (response.isDone()) {
            return response.get();
        }
        throw new DiedException(process.onExit().get().exitValue());
    }

    /** The last lines the process wrote, to explain a death nobody planned. */
    public String outputTail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a container is ended: no shutdown hooks, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        api.close();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    /** The process ended before it answered the invocation. */
    public static final class DiedException extends Exception {

        private final int exitCode;

        DiedException(int exitCode) {
            super("the function process ended with exit code " + exitCode + " before it answered");
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
