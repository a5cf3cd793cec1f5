package io.docindexer.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One warm execution environment for the event source poller: the function in a process of its
 * own ({@link FunctionProcess}), started and initialised before the first event, invoked once at
 * a time. Its JVM options set what Lambda's configuration sets, such as the vCPUs it sees.
 */
public final class ProcessFunction implements RequestStreamHandler, AutoCloseable {

    private final FunctionProcess function;

    private ProcessFunction(FunctionProcess function) {
        this.function = function;
    }

    /** Starts the process and waits for its init with an event of no records. */
    public static ProcessFunction start(List<String> command, Map<String, String> environment, Duration initTimeout)
            throws Exception {
        return start(command, environment, initTimeout, line -> {});
    }

    /** The same, handing every line the function writes (its log) to {@code output}. */
    public static ProcessFunction start(
            List<String> command, Map<String, String> environment, Duration initTimeout, Consumer<String> output)
            throws Exception {
        FunctionProcess function = FunctionProcess.start(command, environment, output);
        try {
            function.invoke("{\"Records\":[]}", initTimeout);
        } catch (Exception initFailed) {
            String tail = function.outputTail();
            function.close();
            throw new IllegalStateException(
                    "the function process did not initialise; its last lines:\n" + tail, initFailed);
        }
        return new ProcessFunction(function);
    }

    @Override
    public synchronized void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            String response = function.invoke(
                    new String(input.readAllBytes(), StandardCharsets.UTF_8),
                    Duration.ofMillis(context.getRemainingTimeInMillis()));
            output.write(response.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the function ran", interrupted);
        } catch (FunctionProcess.DiedException | ExecutionException | TimeoutException failed) {
            throw new IOException(
                    "the invocation failed: " + failed + "; the function's last lines:\n" + function.outputTail(),
                    failed);
        }
    }

    /** The process id, whose CPU time {@code /proc} tells. */
    public long pid() {
        return function.pid();
    }

    @Override
    public void close() throws InterruptedException {
        function.close();
    }
}
