package io.docindexer.redrive;

import java.time.Duration;
import java.util.List;

/**
 * The dead-letter queue and the source queue its messages go back to, as the selective redrive
 * sees them. Every method throws if SQS did not confirm, so the caller never deletes a message
 * whose resend was not confirmed.
 */
public interface DeadLetterQueueGateway {

    /**
     * Up to ten messages, hidden from other consumers for {@code hiddenFor}; an empty list means
     * the queue has no visible message left (the receive waits briefly, so this is not a short
     * poll's false "empty").
     */
    List<DeadLetter> receive(Duration hiddenFor);

    /** Sends the body and the attributes to the source queue; returns the new message id. */
    String sendToSource(DeadLetter letter);

    /** Deletes the message from the dead-letter queue. */
    void delete(DeadLetter letter);

    /**
     * Makes the messages visible again at once; returns the ids of those SQS did not release
     * (they reappear by themselves when their visibility timeout ends).
     */
    List<String> release(List<DeadLetter> letters);
}
