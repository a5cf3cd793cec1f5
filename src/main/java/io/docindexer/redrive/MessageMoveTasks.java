package io.docindexer.redrive;

import java.util.List;
import java.util.OptionalInt;

/**
 * SQS message move tasks from the dead-letter queue to the source queue: SQS itself moves every
 * message, at up to 500 a second, while this function is long gone.
 */
public interface MessageMoveTasks {

    /** Starts moving every message back; returns the task handle. */
    String start(OptionalInt maxPerSecond);

    /** The most recent tasks of the dead-letter queue (SQS keeps up to ten), newest first. */
    List<MoveTask> list();

    /** Cancels a running task; returns how many messages it had moved. */
    long cancel(String taskHandle);
}
