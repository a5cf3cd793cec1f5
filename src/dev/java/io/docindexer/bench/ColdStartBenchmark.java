package io.docindexer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.cli.Main;
import io.docindexer.cli.UsageException;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.LambdaRuntimeApi;
import io.docindexer.local.LocalServers;
import io.docindexer.local.RuntimeClientLaunch;
import io.docindexer.local.SqsLambdaEvents;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * {@code bench coldstart}: starts the packaged function in fresh JVMs under AWS's Lambda Runtime
 * Interface Client, against a local Runtime API and the local stack, and times each from process
 * start to the response to its first event: a one-record batch announcing a small text object.
 * That is a Lambda cold start without SnapStart: JVM start, init (config, clients, the OCR engine,
 * the index template check) and the first invocation. The JVM gets the managed runtime's default
 * flags unless {@code --java-options} replaces them. The first run (cold page cache for the jars
 * and the layer) is reported apart from the median of the others; the JSON names the JDK (Lambda
 * runs 21: a machine without one says so) and what the local stack does not emulate.
 */
public final class ColdStartBenchmark {

    static final String USAGE = "./docindexer bench coldstart [--runs N] [--java-options \"OPTIONS\"]";
    private static final int DEFAULT_RUNS = 7;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String KEY = "coldstart/note.txt";
    /** The template's runtime, java21. */
    private static final int LAMBDA_JDK = 21;
    /** What a start on AWS costs that the local stack leaves out, so the numbers are read as a floor. */
    static final List<String> NOT_EMULATED = List.of(
            "TLS: every local endpoint is plain HTTP, so no handshakes to S3, SQS or OpenSearch",
            "SigV4 signing of OpenSearch requests (the local http endpoint is not signed; S3 and SQS are)",
            "Lambda's own init: sandbox, code and layer download, the Runtime API's network hop");

    private final PrintStream out;
    private final PrintStream err;

    public ColdStartBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args);
        try (RuntimeClientLaunch launch = RuntimeClientLaunch.prepare();
                LocalServers stack = LocalServers.start()) {
            LocalServers.Queues queues = stack.createQueues("bench-coldstart", 60, 5);
            String event = oneRecordEvent(stack, queues);
            List<String> command = launch.command(options.javaOptions());
            Map<String, String> environment = launch.environment(stack.ingestEnvironment(queues));
            String jdk = ReferenceTool.version(Path.of(command.get(0)), "-version");
            int jdkFeature = featureVersion(jdk);
            err.printf(
                    "bench coldstart: %d runs of %s on %s%n",
                    options.runs(), String.join(" ", command.subList(3, command.size())), jdk);
            if (jdkFeature != LAMBDA_JDK) {
                err.printf(
                        "  NOTE: Lambda runs the function on JDK %d, these starts are JDK %d's: install a JDK %d"
                                + " and point OPENSEARCH_JAVA_HOME at it to pin it (it runs the local OpenSearch"
                                + " too)%n",
                        LAMBDA_JDK, jdkFeature, LAMBDA_JDK);
            }
            err.println("  not emulated: " + String.join("; ", NOT_EMULATED));
            long[] millis = new long[options.runs()];
            for (int run = 0; run < options.runs(); run++) {
                millis[run] = coldStart(command, environment, event);
                err.printf(
                        "  run %d/%d: %d ms from process start to the first response%n",
                        run + 1, options.runs(), millis[run]);
            }
            // The first run reads the artifact, the layer and the JDK from disk; later runs find them in
            // the page cache. Lambda's cold starts are nearer the first, so it is reported on its own.
            long[] later = Arrays.copyOfRange(millis, 1, millis.length);
            Arrays.sort(later);
            ObjectNode result = new ObjectMapper().createObjectNode();
            result.put("runs", options.runs());
            result.put("jdk", jdk);
            result.put("jdkIsLambdas", jdkFeature == LAMBDA_JDK);
            result.put("firstRunMillis", millis[0]);
            result.put("medianMillis", PipelineRun.percentile(later, 50));
            result.put("p90Millis", PipelineRun.percentile(later, 90));
            result.putPOJO("notEmulated", NOT_EMULATED);
            out.println(result);
            return Main.OK;
        }
    }

    /** 21 from {@code openjdk version "21.0.5" 2024-10-15}; 8 from {@code "1.8.0_392"}. */
    static int featureVersion(String versionLine) {
        Matcher matcher = Pattern.compile("\"(?:1\\.)?(\\d+)").matcher(versionLine);
        if (!matcher.find()) {
            throw new IllegalStateException("cannot read a Java version from '" + versionLine + "'");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private record Options(int runs, List<String> javaOptions) {
        static Options parse(List<String> args) {
            int runs = DEFAULT_RUNS;
            List<String> javaOptions = RuntimeClientLaunch.LAMBDA_JAVA_OPTIONS;
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--runs" -> runs = BenchOptions.positive(args, ++i, "--runs", USAGE);
                    case "--java-options" -> {
                        if (++i >= args.size()) {
                            throw new UsageException("--java-options needs a value; usage: " + USAGE);
                        }
                        javaOptions = Arrays.asList(args.get(i).trim().split("\\s+"));
                    }
                    default -> throw new UsageException("unexpected argument '" + args.get(i) + "'; usage: " + USAGE);
                }
            }
            if (runs < 2) {
                throw new UsageException(
                        "--runs must be at least 2: the first run is reported on its own; usage: " + USAGE);
            }
            return new Options(runs, javaOptions);
        }
    }

    /** Uploads a small text object and returns the SQS event Lambda would deliver for its notification. */
    private static String oneRecordEvent(LocalServers stack, LocalServers.Queues queues) {
        stack.s3()
                .putObject(
                        request -> request.bucket(LocalServers.BUCKET).key(KEY),
                        RequestBody.fromString("Cold start probe: a short note to index.\n"));
        new BucketNotifications(stack.sqs(), queues.queueUrl())
                .objectCreated(
                        LocalServers.BUCKET,
                        KEY,
                        stack.s3()
                                .headObject(request ->
                                        request.bucket(LocalServers.BUCKET).key(KEY)));
        Message message = stack.sqs()
                .receiveMessage(request -> request.queueUrl(queues.queueUrl())
                        .waitTimeSeconds(5)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages()
                .get(0);
        return new String(SqsLambdaEvents.event(List.of(message), queues.queueArn()), StandardCharsets.UTF_8);
    }

    /** One fresh JVM: queues the event first, so the time ends when init and the first invocation are done. */
    private long coldStart(List<String> command, Map<String, String> environment, String event) throws Exception {
        Path log = Files.createTempFile("coldstart-", ".log");
        try (LambdaRuntimeApi api = LambdaRuntimeApi.start()) {
            CompletableFuture<String> response = api.invoke(event, PATIENCE);
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put(LambdaRuntimeApi.ADDRESS_VARIABLE, api.address());
            long started = System.nanoTime();
            Process function = builder.start();
            try {
                String body = response.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (!body.replace(" ", "").contains("\"batchItemFailures\":[]")) {
                    throw new IllegalStateException("the function asked for a retry: " + body + "; its log: " + log);
                }
                Files.delete(log);
                return millis;
            } catch (Exception e) {
                throw new IllegalStateException("cold start failed (" + e + "); the function's output is in " + log, e);
            } finally {
                function.destroyForcibly();
                function.waitFor();
            }
        }
    }
}
