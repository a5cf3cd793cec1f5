package io.docindexer.sqs;

/**
 * The names of the message attributes the functions write and read, in one place: the ingest
 * function writes them, the redrive function's filters and operators read them. And the system
 * attributes of Lambda's SQS records that the adapters here read.
 */
public final class MessageAttributes {

    /** On a message rejected into the DLQ: the kind of failure, e.g. UnusableMessage (a redrive filter). */
    public static final String ERROR_CLASS = "ErrorClass";
    /** On a message rejected into the DLQ: why, in words. */
    public static final String REASON = "Reason";
    /** On a message rejected into the DLQ: when SQS first delivered it (ISO-8601). */
    public static final String FIRST_FAILURE_TIME = "FirstFailureTime";
    /** On a message rejected into the DLQ: its id in the source queue (the DLQ gives it a new one). */
    public static final String ORIGINAL_MESSAGE_ID = "OriginalMessageId";
    /** Marks a continuation of a long document and says where the last attempt stopped. */
    public static final String CONTINUATION = "Continuation";

    /** System attribute: the FIFO message group, absent on a standard queue. */
    static final String MESSAGE_GROUP_ID = "MessageGroupId";
    /** System attribute: when SQS first delivered the message, in epoch milliseconds. */
    static final String APPROXIMATE_FIRST_RECEIVE_TIMESTAMP = "ApproximateFirstReceiveTimestamp";

    private MessageAttributes() {}
}
