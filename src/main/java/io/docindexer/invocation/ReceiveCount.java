package io.docindexer.invocation;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/** How many times SQS has delivered a message: more than once means an earlier attempt failed. */
public final class ReceiveCount {

    /** The system attribute Lambda's SQS records carry it in. */
    public static final String ATTRIBUTE = "ApproximateReceiveCount";

    private ReceiveCount() {}

    public static int of(SQSMessage message) {
        String count =
                message.getAttributes() == null ? null : message.getAttributes().get(ATTRIBUTE);
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException garbled) {
            return 1;
        }
    }
}
