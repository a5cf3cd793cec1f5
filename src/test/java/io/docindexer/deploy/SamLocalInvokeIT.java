package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.local.LambdaRuntimeApi;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.local.SamLocalInvokeSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sam local invoke IngestFunction -e events/s3-put.json} against {@code ./docindexer stack},
 * without Docker: the stack is readied as the command readies it ({@link SamLocalInvokeSetup}), the
 * function's environment is what SAM would give its container from template.yaml and the env-vars
 * file the command wrote ({@link SamLocalEnvironment}, the shell setting none of its variables and
 * no AWS configuration), and the artifact {@code sam build} makes runs under the official runtime
 * interface client with exactly that environment. Two things of the container are translated: the
 * layer SAM mounts at /opt is the built layer's folder, and the hosts entry samconfig.toml's
 * {@code add_host} gives the container ({@value SamLocalInvokeSetup#CONTAINER_HOST} is the Docker host)
 * is a hosts file for the function's JVM naming the host the stack listens on.
 */
@ExtendWith(LocalServersExtension.class)
class SamLocalInvokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAYER = SamBuild.tesseractLayer().artifacts();

    private static Path envVarsFile;
    private static Path hostsFile;

    @BeforeAll
    static void startTheStackAsTheStackCommandDoes(LocalServers stack, @TempDir Path folder) throws IOException {
        envVarsFile = folder.resolve("local-env.json");
        SamLocalInvokeSetup.prepare(stack, samples(), envVarsFile);
        hostsFile = Files.writeString(
                folder.resolve("hosts"),
                stack.sqsEndpoint().getHost() + " " + SamLocalInvokeSetup.CONTAINER_HOST + "\n");
    }

    @Test
    void theEnvVarsFileNamesTheStackAsTheContainerSeesIt() throws IOException {
        Map<String, Map<String, Object>> envVars = JSON.readValue(envVarsFile.toFile(), new TypeReference<>() {});

        assertThat(envVars.get("IngestFunction"))
                .containsKeys("OPENSEARCH_ENDPOINT", "S3_ENDPOINT", "SQS_ENDPOINT", "DLQ_URL");
        assertThat(envVars.values().stream()
                        .flatMap(variables -> variables.values().stream())
                        .map(String::valueOf))
                .filteredOn(value -> value.startsWith("http"))
                .isNotEmpty()
                .allMatch(
                        url -> url.startsWith("http://" + SamLocalInvokeSetup.CONTAINER_HOST + ":"),
                        "names the Docker host");
    }

    @Test
    void theIngestFunctionIndexesTheSampleEventWithNoFailures() throws Exception {
        try (LambdaRuntimeApi api = LambdaRuntimeApi.start();
                RuntimeClientProcess function = start(api, "IngestFunction")) {

            JsonNode response = function.invoke(api, event("s3-put.json"));

            assertThat(response).isEqualTo(JSON.readTree("{\"batchItemFailures\":[]}"));
            assertThat(function.output())
                    .contains("\"key\":\"samples/quarterly report 2026+draft.pdf\",\"status\":\"indexed\"");
        }
    }

    @Test
    void theRedriveFunctionReportsOnTheStacksDeadLetterQueue() throws Exception {
        try (LambdaRuntimeApi api = LambdaRuntimeApi.start();
                RuntimeClientProcess function = start(api, "RedriveFunction")) {

            JsonNode response = function.invoke(api, event("redrive-status.json"));

            assertThat(response.path("mode").asText()).isEqualTo("status");
            assertThat(response.has("tasks")).as(response.toString()).isTrue();
        }
    }

    private static RuntimeClientProcess start(LambdaRuntimeApi api, String logicalId) throws IOException {
        SamLocalEnvironment sam =
                new SamLocalEnvironment(CloudFormationYaml.load(SamBuild.PROJECT.resolve("template.yaml")));
        Map<String, Map<String, Object>> envVars = JSON.readValue(envVarsFile.toFile(), new TypeReference<>() {});
        Map<String, String> environment = new HashMap<>();
        sam.of(logicalId, envVars, Map.of(), SamLocalEnvironment.Credentials.NONE)
                .forEach((name, value) -> environment.put(name, mountedAtOpt(value)));
        // What the container's runtime sets: where the Runtime API is, the task root, the handler.
        Path artifact = SamBuild.function().artifacts();
        environment.put(LambdaRuntimeApi.ADDRESS_VARIABLE, api.address());
        environment.put("LAMBDA_TASK_ROOT", artifact.toString());
        environment.put("_HANDLER", environment.get("AWS_LAMBDA_FUNCTION_HANDLER"));
        return RuntimeClientProcess.start(
                artifact,
                environment.get("_HANDLER"),
                environment,
                List.of("-Djdk.net.hosts.file=" + hostsFile),
                artifact.resolveSibling("sam-local-invoke-" + logicalId + ".log"));
    }

    /** The layer is mounted at /opt in SAM's container; here it is the built layer's folder. */
    private static String mountedAtOpt(String value) {
        return value.replace("/opt/", LAYER + "/");
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SamBuild.PROJECT.resolve("samples"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String event(String name) throws IOException {
        return Files.readString(SamBuild.PROJECT.resolve("events").resolve(name), StandardCharsets.UTF_8);
    }
}
