package io.docindexer.redrive;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SQS message move task (what the console's "Start DLQ redrive" starts) as
 * ListMessageMoveTasks reports it.
 *
 * @param taskHandle present only while the task is RUNNING (SQS gives none for finished tasks)
 * @param status RUNNING, COMPLETED, CANCELLING, CANCELLED or FAILED
 * @param messagesToMove SQS's estimate at the start; {@code null} if it gave none
 * @param maxPerSecond the rate limit asked for; {@code null} for "system optimised"
 * @param failureReason why a FAILED task failed, e.g. AccessDenied; otherwise {@code null}
 */
public record MoveTask(
        String taskHandle,
        String status,
        long messagesMoved,
        Long messagesToMove,
        Integer maxPerSecond,
        Instant startedAt,
        String failureReason,
        String destinationArn) {

    /** As the function answers it: names of the SQS API, nothing left out but absent values. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, "taskHandle", taskHandle);
        map.put("status", status);
        map.put("approximateNumberOfMessagesMoved", messagesMoved);
        putIfPresent(map, "approximateNumberOfMessagesToMove", messagesToMove);
        putIfPresent(map, "maxNumberOfMessagesPerSecond", maxPerSecond);
        putIfPresent(map, "startedAt", startedAt == null ? null : startedAt.toString());
        putIfPresent(map, "failureReason", failureReason);
        putIfPresent(map, "destinationArn", destinationArn);
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
