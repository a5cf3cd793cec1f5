package io.docindexer.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readies a running local stack for {@code sam local invoke}: the ingest queue and its DLQ, the
 * samples in the bucket where events/s3-put.json points, and the {@code --env-vars} file
 * {@code {"IngestFunction": {...}, "RedriveFunction": {...}}} with each function's variables
 * pointing at the stack as the function's container sees it: {@value #CONTAINER_HOST}, which
 * samconfig.toml's {@code add_host} maps to the Docker host (SAM runs the container on Docker's
 * bridge network, where 127.0.0.1 is the container itself). SAM applies a variable from that file
 * only if the template declares it for the function, which is why template.yaml declares the
 * endpoint overrides with empty values.
 */
public final class SamLocalInvokeSetup {

    public static final String INGEST_FUNCTION = "IngestFunction";
    public static final String REDRIVE_FUNCTION = "RedriveFunction";
    /** The Docker host's name inside the function's container (samconfig.toml: add_host). */
    public static final String CONTAINER_HOST = "host.docker.internal";
    /** Where samconfig.toml's [default.local_invoke.parameters] env_vars looks. */
    public static final Path ENV_VARS_FILE = Path.of("local-env.json");
    /** The template's default function timeout is 300 s; locally a minute is plenty and retries come sooner. */
    private static final int VISIBILITY_TIMEOUT_SECONDS = 60;

    private static final int MAX_RECEIVE_COUNT = 5;

    private SamLocalInvokeSetup() {}

    public static LocalServers.Queues prepare(LocalServers stack, List<Path> samples, Path envVarsFile)
            throws IOException {
        LocalServers.Queues queues =
                stack.createQueues(LocalServers.QUEUE, VISIBILITY_TIMEOUT_SECONDS, MAX_RECEIVE_COUNT);
        for (Path sample : samples) {
            stack.putSample(sample);
        }
        String stackHost = "//" + stack.sqsEndpoint().getHost() + ":";
        ObjectMapper json = new ObjectMapper();
        ObjectNode envVars = json.createObjectNode();
        envVars.set(
                INGEST_FUNCTION, json.valueToTree(asTheContainerSeesIt(stack.ingestEnvironment(queues), stackHost)));
        envVars.set(
                REDRIVE_FUNCTION, json.valueToTree(asTheContainerSeesIt(stack.redriveEnvironment(queues), stackHost)));
        Files.writeString(envVarsFile, json.writerWithDefaultPrettyPrinter().writeValueAsString(envVars) + "\n");
        return queues;
    }

    /** The variables with every URL of the stack's host naming {@value #CONTAINER_HOST} instead. */
    private static Map<String, String> asTheContainerSeesIt(Map<String, String> environment, String stackHost) {
        Map<String, String> seen = new TreeMap<>();
        environment.forEach((name, value) -> seen.put(name, value.replace(stackHost, "//" + CONTAINER_HOST + ":")));
        return seen;
    }
}
