package io.docindexer.redrive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Runs one redrive request and answers it as the map Lambda serialises into the response JSON. */
public final class Redrive {

    private final MessageMoveTasks moveTasks;
    private final SelectiveRedrive selective;

    Redrive(MessageMoveTasks moveTasks, SelectiveRedrive selective) {
        this.moveTasks = moveTasks;
        this.selective = selective;
    }

    /** @param remainingMillis the invocation's remaining time, which a selective redrive keeps within */
    public Map<String, Object> run(RedriveRequest request, LongSupplier remainingMillis) {
        return switch (request) {
            case RedriveRequest.MoveAll all -> moveAll(all);
            case RedriveRequest.Status() -> status();
            case RedriveRequest.Cancel cancel -> cancel(cancel.taskHandle());
            case RedriveRequest.Selective filter ->
                selective.run(filter, remainingMillis).toMap();
        };
    }

    private Map<String, Object> moveAll(RedriveRequest.MoveAll all) {
        Map<String, Object> response = response("all");
        response.put("taskHandle", moveTasks.start(all.maxPerSecond()));
        all.maxPerSecond().ifPresent(rate -> response.put("maxNumberOfMessagesPerSecond", rate));
        return response;
    }

    private Map<String, Object> status() {
        Map<String, Object> response = response("status");
        response.put("tasks", moveTasks.list().stream().map(MoveTask::toMap).toList());
        return response;
    }

    /** Without a handle, the running task: SQS runs at most one per queue, and only it has a handle. */
    private Map<String, Object> cancel(Optional<String> requested) {
        Map<String, Object> response = response("cancel");
        Optional<String> handle = requested.or(() -> running(moveTasks.list()));
        if (handle.isEmpty()) {
            response.put("cancelled", false);
            response.put("reason", "no message move task is running");
            return response;
        }
        response.put("cancelled", true);
        response.put("taskHandle", handle.get());
        response.put("approximateNumberOfMessagesMoved", moveTasks.cancel(handle.get()));
        return response;
    }

    private static Optional<String> running(List<MoveTask> tasks) {
        return tasks.stream()
                .filter(task -> "RUNNING".equals(task.status()) && task.taskHandle() != null)
                .map(MoveTask::taskHandle)
                .findFirst();
    }

    private static Map<String, Object> response(String mode) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("mode", mode);
        return response;
    }
}
