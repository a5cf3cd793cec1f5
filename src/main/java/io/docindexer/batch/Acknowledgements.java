package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.invocation.ReceiveCount;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a record whose fate is decided still needs from the queues before it is done: an unusable
 * message goes to the DLQ, a document too long for this invocation sends its continuation, and
 * finished records may be deleted from the queue at once. A send that is not confirmed leaves the
 * record to be retried, so nothing is acknowledged before its outcome is durable. A record that
 * failed because OpenSearch or S3 did is backed off: hidden for longer with each delivery, so that
 * an outage spends few of its receives.
 */
final class Acknowledgements {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);

    private final DeadLetterQueue deadLetterQueue;
    private final SourceQueue sourceQueue;
    private final Backoff backoff;

    Acknowledgements(DeadLetterQueue deadLetterQueue, SourceQueue sourceQueue, Backoff backoff) {
        this.deadLetterQueue = deadLetterQueue;
        this.sourceQueue = sourceQueue;
        this.backoff = backoff;
    }

    /**
     * @param preparation settled by the bulk write, or a record that needs a send: rejected or continued
     * @return the record's outcome once its send, if it needs one, is confirmed
     */
    RecordOutcome settle(SQSMessage message, Preparation preparation) {
        return switch (preparation) {
            case Preparation.Rejected rejected -> deadLetter(message, rejected);
            case Preparation.Continued continued -> continueLater(message, continued);
            case Preparation.Settled settled ->
                settled.outcome() instanceof RecordOutcome.Retry retry && retry.downstream()
                        ? backOff(message, retry)
                        : settled.outcome();
            case Preparation.Indexable unwritten ->
                throw new IllegalStateException(
                        "record " + unwritten.messageId() + " was not written before it was settled");
        };
    }

    /** Deletes finished records now rather than at the end of the batch, so a crash later redelivers none of them. */
    void deleteEarly(List<SQSMessage> done, BatchTimings timings) {
        long started = System.nanoTime();
        try {
            sourceQueue.delete(done);
        } catch (RuntimeException e) {
            // Harmless: the event source deletes every record not in batchItemFailures at the end.
            LOG.warn("could not delete {} finished messages early: {}", done.size(), e.toString());
        }
        timings.deletedSince(started);
    }

    private RecordOutcome deadLetter(SQSMessage message, Preparation.Rejected rejected) {
        try {
            deadLetterQueue.send(message, rejected.errorClass(), rejected.reason());
            return new RecordOutcome.DeadLettered(rejected.messageId(), "sent to the DLQ: " + rejected.reason());
        } catch (RuntimeException sendFailed) {
            // Not acknowledged: SQS redelivers it and, after maxReceiveCount, moves it to the DLQ itself.
            return new RecordOutcome.Retry(
                    rejected.messageId(),
                    "rejected (" + rejected.reason() + "), and sending it to the DLQ failed: "
                            + sendFailed.getMessage());
        }
    }

    private RecordOutcome continueLater(SQSMessage message, Preparation.Continued continued) {
        try {
            sourceQueue.sendContinuation(message, continued.progress());
            return new RecordOutcome.Continued(
                    continued.messageId(), "continues in a new message: " + continued.progress());
        } catch (RuntimeException sendFailed) {
            // The progress is saved: the redelivered message resumes from it.
            return new RecordOutcome.Retry(
                    continued.messageId(),
                    "could not send the continuation (" + continued.progress() + "): " + sendFailed.getMessage());
        }
    }

    /**
     * Hides a redelivered record for the first step of the backoff before it runs alone: it may be
     * the record that ended the last invocation (a native crash, out of memory, a timeout). If it
     * ends this one too, the batch-mates still waiting come back after the queue's visibility
     * timeout, at another time than it and so most likely in a batch without it, instead of dying
     * beside it until they reach the DLQ with it. Always the first step, not one that grows with
     * its deliveries: a real poison message should reach the DLQ, and its alarm, no later than
     * it would without this. If it finishes, it is deleted as usual; failing the change only
     * loses that.
     */
    void holdBack(SQSMessage message) {
        Duration invisibleFor = backoff.after(1);
        try {
            sourceQueue.changeVisibility(message, invisibleFor);
        } catch (RuntimeException changeFailed) {
            LOG.warn(
                    "Could not hide redelivered message {} for {} s before running it alone: {}",
                    message.getMessageId(),
                    invisibleFor.toSeconds(),
                    changeFailed.getMessage());
        }
    }

    private RecordOutcome backOff(SQSMessage message, RecordOutcome.Retry retry) {
        int receiveCount = ReceiveCount.of(message);
        Duration invisibleFor = backoff.after(receiveCount);
        try {
            sourceQueue.changeVisibility(message, invisibleFor);
            return new RecordOutcome.BackedOff(
                    retry.messageId(),
                    retry.detail() + "; delivery " + receiveCount + " backed off for " + invisibleFor.toSeconds()
                            + " s",
                    invisibleFor);
        } catch (RuntimeException changeFailed) {
            // Still retried, after the queue's own visibility timeout: only the receive is spent sooner.
            return new RecordOutcome.Retry(
                    retry.messageId(), retry.detail() + "; could not back off: " + changeFailed.getMessage(), true);
        }
    }
}
