package io.docindexer.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * Readies a running local stack for {@code sam local invoke}: the ingest queue and its DLQ, the
 * samples in the bucket where events/s3-put.json points, and the {@code --env-vars} file
 * {@code {"IngestFunction": {...}, "RedriveFunction": {...}}} with each function's variables
 * pointing at the stack's loopback endpoints (a container on {@code --docker-network host} reaches
 * them). SAM applies a variable from that file only if the template declares it for the function,
 * which is why template.yaml declares the endpoint overrides with empty values.
 */
public final class SamLocalStack {

    public static final String INGEST_FUNCTION = "IngestFunction";
    public static final String REDRIVE_FUNCTION = "RedriveFunction";
    /** Where samconfig.toml's [default.local_invoke.parameters] env_vars looks. */
    public static final Path ENV_VARS_FILE = Path.of("local-env.json");
    /** The template's default function timeout is 300 s; locally a minute is plenty and retries come sooner. */
    private static final int VISIBILITY_TIMEOUT_SECONDS = 60;
    private static final int MAX_RECEIVE_COUNT = 5;

    private SamLocalStack() {}

    public static LocalStack.Queues prepare(LocalStack stack, List<Path> samples, Path envVarsFile) throws IOException {
        LocalStack.Queues queues = stack.createQueues(LocalStack.QUEUE, VISIBILITY_TIMEOUT_SECONDS, MAX_RECEIVE_COUNT);
        for (Path sample : samples) {
            stack.putSample(sample);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode envVars = json.createObjectNode();
        envVars.set(INGEST_FUNCTION, json.valueToTree(new TreeMap<>(stack.ingestEnvironment(queues))));
        envVars.set(REDRIVE_FUNCTION, json.valueToTree(new TreeMap<>(stack.redriveEnvironment(queues))));
        Files.writeString(envVarsFile, json.writerWithDefaultPrettyPrinter().writeValueAsString(envVars) + "\n");
        return queues;
    }
}
