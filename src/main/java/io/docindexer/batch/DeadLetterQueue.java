package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/** Where unusable messages go at once, with their reason, instead of failing maxReceiveCount times. */
public interface DeadLetterQueue {

    /** Sends the message body with its failure reason attached; throws if the send was not confirmed. */
    void send(SQSMessage message, String errorClass, String reason);
}
