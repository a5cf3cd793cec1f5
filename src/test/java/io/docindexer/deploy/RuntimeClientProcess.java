package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.local.LambdaRuntimeApi;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * A JVM laid out like Lambda's managed Java runtime: the runtime interface client and what it
 * needs on the system class path, the function's artifact as the task root (the working
 * directory, which the client loads classes/ and lib/*.jar from through its own class loader),
 * and nothing of this JVM's environment but what the caller passes.
 */
final class RuntimeClientProcess implements AutoCloseable {

    // The runtime client and its dependencies; on Lambda these come with the runtime, not the artifact.
    private static final List<Class<?>> RUNTIME_CLASSES =
            List.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class);

    private static final Duration INVOCATION_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;

    private RuntimeClientProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param handler as in the template's Handler
     * @param environment the whole environment of the process (LD_LIBRARY_PATH and the rest of
     *     this JVM's variables are not inherited)
     */
    static RuntimeClientProcess start(Path taskRoot, String handler, Map<String, String> environment, Path log)
            throws IOException {
        return start(taskRoot, handler, environment, List.of(), log);
    }

    /** @param jvmOptions what the container adds beyond the runtime's own options */
    static RuntimeClientProcess start(
            Path taskRoot, String handler, Map<String, String> environment, List<String> jvmOptions, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                runtimeClassPath(),
                // What Lambda's java21 runtime passes so that org.crac calls reach the runtime client's hooks.
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac"));
        command.addAll(jvmOptions);
        command.add(AWSLambda.class.getName());
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new RuntimeClientProcess(builder.start(), log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends one event through the Runtime API and returns the function's response, failing with
     * the process's output if the function reports an error, dies, or does not answer in time.
     */
    JsonNode invoke(LambdaRuntimeApi api, String event) throws Exception {
        CompletableFuture<String> response = api.invoke(event, INVOCATION_TIMEOUT);
        long deadline = System.nanoTime() + INVOCATION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return JSON.readTree(response.get(1, TimeUnit.SECONDS));
            } catch (ExecutionException reported) {
                return fail(
                        "the function reported an error: " + reported.getCause().getMessage() + "\n" + describe());
            } catch (TimeoutException notYet) {
                if (!isAlive()) {
                    return fail("no answer: " + describe());
                }
            }
        }
        return fail("no answer within " + INVOCATION_TIMEOUT + ": " + describe());
    }

    /** Exit status and everything the process printed, for failure messages. */
    String describe() {
        String status = process.isAlive() ? "running" : "exited with " + process.exitValue();
        try {
            return "runtime client " + status + "; its output (" + log + "):\n"
                    + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "runtime client " + status + "; its output is unreadable: " + unreadable;
        }
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static String runtimeClassPath() {
        return RUNTIME_CLASSES.stream()
                .map(RuntimeClientProcess::jarOf)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try (Stream<ProcessHandle> children = process.descendants()) {
            children.forEach(ProcessHandle::destroy);
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
