package io.docindexer.sqs;

import io.docindexer.redrive.MessageMoveTasks;
import io.docindexer.redrive.MoveTask;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;

/**
 * Message move tasks on SQS. The destination is always named: left out, SQS sends each message
 * back to the queue it came from, and fails the whole task with CouldNotDetermineMessageSource
 * for messages that never came from one, such as those the ingest function rejects straight
 * into the DLQ.
 */
public final class SqsMessageMoveTasks implements MessageMoveTasks {

    /** ListMessageMoveTasks returns at most ten. */
    private static final int MAX_RESULTS = 10;

    private final SqsClient sqs;
    private final String dlqArn;
    private final String destinationArn;

    public SqsMessageMoveTasks(SqsClient sqs, String dlqArn, String destinationArn) {
        this.sqs = sqs;
        this.dlqArn = dlqArn;
        this.destinationArn = destinationArn;
    }

    @Override
    public String start(OptionalInt maxPerSecond) {
        StartMessageMoveTaskRequest.Builder request =
                StartMessageMoveTaskRequest.builder().sourceArn(dlqArn).destinationArn(destinationArn);
        maxPerSecond.ifPresent(request::maxNumberOfMessagesPerSecond);
        return sqs.startMessageMoveTask(request.build()).taskHandle();
    }

    @Override
    public List<MoveTask> list() {
        return sqs.listMessageMoveTasks(request -> request.sourceArn(dlqArn).maxResults(MAX_RESULTS)).results().stream()
                .map(SqsMessageMoveTasks::toMoveTask)
                .toList();
    }

    @Override
    public long cancel(String taskHandle) {
        Long moved = sqs.cancelMessageMoveTask(request -> request.taskHandle(taskHandle))
                .approximateNumberOfMessagesMoved();
        return moved == null ? 0 : moved;
    }

    private static MoveTask toMoveTask(ListMessageMoveTasksResultEntry entry) {
        return new MoveTask(
                entry.taskHandle(),
                entry.status(),
                entry.approximateNumberOfMessagesMoved() == null ? 0 : entry.approximateNumberOfMessagesMoved(),
                entry.approximateNumberOfMessagesToMove(),
                entry.maxNumberOfMessagesPerSecond(),
                entry.startedTimestamp() == null ? null : Instant.ofEpochMilli(entry.startedTimestamp()),
                entry.failureReason(),
                entry.destinationArn());
    }
}
