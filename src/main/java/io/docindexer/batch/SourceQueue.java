package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.time.Duration;
import java.util.List;

/**
 * The queue a batch came from. Continuations of long documents go back to it. Deleting a finished
 * record at once, instead of leaving it to the end of the batch, means a crash later in the batch
 * cannot redeliver finished work. A record that failed because OpenSearch or S3 did is hidden for a
 * while before it comes back, so that an outage does not use up its receives.
 */
public interface SourceQueue {

    /** Deletes the messages; throws if SQS did not confirm (the event source deletes them later anyway). */
    void delete(List<SQSMessage> messages);

    /** Sends a copy of the message to the same queue, marked as a continuation that says where this attempt stopped. */
    void sendContinuation(SQSMessage message, String progress);

    /** Makes the message invisible for that long from now; throws if SQS did not confirm. */
    void changeVisibility(SQSMessage message, Duration invisibleFor);
}
