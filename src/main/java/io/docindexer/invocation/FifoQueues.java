package io.docindexer.invocation;

/**
 * The one rule for telling a FIFO queue: SQS requires its name to end in {@code .fifo}, so its URL
 * and its ARN both do. A batch from a FIFO queue must keep its order, and a message sent to one
 * needs a message group and a deduplication id.
 */
public final class FifoQueues {

    private FifoQueues() {}

    /** @param queueUrlOrArn a queue's URL or ARN, such as a record's event source ARN; {@code null} is not FIFO */
    public static boolean isFifo(String queueUrlOrArn) {
        return queueUrlOrArn != null && queueUrlOrArn.endsWith(".fifo");
    }
}
