package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.local.LambdaRuntimeApi;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.local.TesseractLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The function artifact exactly as {@code sam build} makes it ({@link SamBuild}), run by the
 * official runtime interface client in a fresh JVM laid out like Lambda's java21 runtime, against
 * a local Runtime API and the local stack. What the in-process tests cannot catch shows up here: a class or jar missing from the
 * artifact, a dependency that only the test class path had, a handler that does not construct
 * from the environment, an event or response the handler's own JSON reads or writes differently
 * from what the runtime sends and expects, SnapStart hooks that are not registered where the
 * runtime looks for them.
 */
@ExtendWith(LocalServersExtension.class)
class LambdaRuntimeIT {

    private static final Path ARTIFACT = SamBuild.function().artifacts();
    private static final Path LAYER = Path.of(System.getProperty("docindexer.tesseract.layer"));
    private static final String HANDLER = "io.docindexer.ingest.IngestHandler::handleRequest";
    private static final String SAMPLE_KEY = "samples/quarterly report 2026+draft.pdf";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOfficialRuntimeClientRunsTheHandlerFromTheArtifactThroughASnapStartRestore(LocalServers stack)
            throws Exception {
        LocalServers.Queues queues = stack.createQueues(LocalServers.QUEUE, 60, 5);
        stack.s3()
                .putObject(
                        request -> request.bucket(LocalServers.BUCKET).key(SAMPLE_KEY),
                        RequestBody.fromFile(Path.of("samples/quarterly report 2026+draft.pdf")));
        ObjectNode missingBucket = eventForAMissingBucket();
        String missingMessageId =
                missingBucket.path("Records").path(0).path("messageId").asText();

        try (LambdaRuntimeApi api = LambdaRuntimeApi.start();
                RuntimeClientProcess function = RuntimeClientProcess.start(
                        ARTIFACT,
                        HANDLER,
                        functionEnvironment(stack, queues, api),
                        ARTIFACT.resolveSibling("lambda-runtime-it.log"))) {

            assertThat(function.invoke(api, event("s3-put.json"))).isEqualTo(failures());
            assertThat(function.output()).contains("\"key\":\"" + SAMPLE_KEY + "\",\"status\":\"indexed\"");
            JsonNode recordLine = recordLine(function.output(), SAMPLE_KEY);
            assertThat(recordLine.path("level").asText()).isEqualTo("INFO");
            assertThat(recordLine.path("logger").asText()).isEqualTo("io.docindexer.observe.LoggingObserver");
            assertThat(recordLine.path("messageId").asText()).isEqualTo("6d7b1c52-3f0e-4a57-9a3b-5d1e6c2f8a01");
            assertThat(recordLine.path("AWSRequestId").asText()).isNotEmpty();
            assertThat(function.invoke(api, event("s3-delete.json"))).isEqualTo(failures());
            assertThat(function.invoke(api, event("s3-test-event.json"))).isEqualTo(failures());
            assertThat(function.invoke(api, missingBucket.toString())).isEqualTo(failures(missingMessageId));

            assertThat(api.restores()).as("restore/next calls").isEqualTo(1);
            assertThat(function.output())
                    .contains("SnapStart: primed the ingest path")
                    .contains("SnapStart: new SDK and OpenSearch clients");
        }
    }

    /** The function's environment: what template.yaml sets (with the layer where Lambda mounts /opt) and what Lambda adds. */
    private static Map<String, String> functionEnvironment(
            LocalServers stack, LocalServers.Queues queues, LambdaRuntimeApi api) {
        Map<String, String> env = new HashMap<>(stack.ingestEnvironment(queues));
        env.put("TESSDATA_PREFIX", TesseractLayer.tessdata(LAYER).toString());
        env.put("OMP_THREAD_LIMIT", "1");
        env.put("JAVA_TOOL_OPTIONS", "-Djna.library.path=" + TesseractLayer.natives(LAYER));
        env.put(LambdaRuntimeApi.ADDRESS_VARIABLE, api.address());
        env.put("_HANDLER", HANDLER);
        env.put("LAMBDA_TASK_ROOT", ARTIFACT.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "docindexer-ingest");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "4096");
        // Makes the runtime client run the org.crac hooks and ask restore/next, as a SnapStart version does.
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        env.put("AWS_REGION", LocalServers.REGION);
        env.put("AWS_DEFAULT_REGION", LocalServers.REGION);
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        return env;
    }

    private static JsonNode failures(String... messageIds) {
        ObjectNode response = JSON.createObjectNode();
        for (String messageId : messageIds) {
            response.withArray("batchItemFailures").addObject().put("itemIdentifier", messageId);
        }
        if (messageIds.length == 0) {
            response.putArray("batchItemFailures");
        }
        return response;
    }

    /** The function's JSON log line for an object. */
    private static JsonNode recordLine(String output, String key) throws IOException {
        String line = output.lines()
                .filter(candidate -> candidate.contains("\"key\":\"" + key + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line names " + key + " in:\n" + output));
        return JSON.readTree(line);
    }

    /** events/s3-put.json for a bucket that does not exist: S3 cannot serve it, so it must be retried. */
    private static ObjectNode eventForAMissingBucket() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(event("s3-put.json"));
        ObjectNode record = (ObjectNode) event.path("Records").path(0);
        record.put("messageId", "4b1e9c07-missing-bucket");
        record.put("body", record.path("body").asText().replace(LocalServers.BUCKET, "docindexer-no-such-bucket"));
        return event;
    }

    private static String event(String name) throws IOException {
        return Files.readString(Path.of("events", name), StandardCharsets.UTF_8);
    }
}
