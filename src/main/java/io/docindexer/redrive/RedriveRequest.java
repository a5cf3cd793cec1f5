package io.docindexer.redrive;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** What an invocation of the redrive function asks for: one of four modes, read from its JSON. */
public sealed interface RedriveRequest
        permits RedriveRequest.MoveAll, RedriveRequest.Status, RedriveRequest.Cancel, RedriveRequest.Selective {

    /** SQS's own ceiling for a message move task's rate. */
    int MAX_MOVES_PER_SECOND = 500;

    /** {@code {"mode":"all"}}: a message move task takes every message back; empty rate = as fast as SQS goes. */
    record MoveAll(OptionalInt maxPerSecond) implements RedriveRequest {}

    /** {@code {"mode":"status"}}: the recent message move tasks and their progress. */
    record Status() implements RedriveRequest {}

    /** {@code {"mode":"cancel"}}: cancels the given task, or the running one if none is given. */
    record Cancel(Optional<String> taskHandle) implements RedriveRequest {}

    /**
     * {@code {"mode":"selective"}}: moves the messages that match the filter, one by one.
     *
     * @param maxMessages the most messages to move (or, in a dry run, to report) in this invocation
     * @param dryRun report what would move, move nothing
     */
    record Selective(MessageFilter filter, int maxMessages, boolean dryRun) implements RedriveRequest {}

    /** Reads a request as Lambda hands it over (JSON objects as maps); throws listing every problem. */
    static RedriveRequest parse(Map<String, Object> json) {
        return new RedriveRequestReader(json).read();
    }
}
