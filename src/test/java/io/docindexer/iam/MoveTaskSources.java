package io.docindexer.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResponse;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;

/**
 * The queue each message move task moves from, which is what cancelling it needs permission on. A
 * task handle from SQS says so itself (base64 JSON with a {@code sourceArn}); ElasticMQ's are bare
 * ids, so the handles that starting and listing tasks answered are remembered too.
 */
final class MoveTaskSources {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> sourceByHandle = new ConcurrentHashMap<>();

    /** Remembers the handles in a StartMessageMoveTask or ListMessageMoveTasks answer. */
    void remember(SdkRequest request, SdkResponse response) {
        if (request instanceof StartMessageMoveTaskRequest start
                && response instanceof StartMessageMoveTaskResponse started) {
            sourceByHandle.put(started.taskHandle(), start.sourceArn());
        }
        if (response instanceof ListMessageMoveTasksResponse listed) {
            listed.results().stream()
                    .filter(task -> task.taskHandle() != null && task.sourceArn() != null)
                    .forEach(task -> sourceByHandle.put(task.taskHandle(), task.sourceArn()));
        }
    }

    Optional<String> sourceOf(String taskHandle) {
        return Optional.ofNullable(sourceByHandle.get(taskHandle)).or(() -> decoded(taskHandle));
    }

    private Optional<String> decoded(String taskHandle) {
        try {
            JsonNode handle = json.readTree(new String(Base64.getDecoder().decode(taskHandle), StandardCharsets.UTF_8));
            return Optional.ofNullable(handle.path("sourceArn").textValue());
        } catch (IllegalArgumentException | IOException notSqsForm) {
            return Optional.empty();
        }
    }
}
