package io.docindexer.redrive;

import io.docindexer.invocation.TimeBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Moves the dead letters that match a filter back to the source queue, one at a time, each sent
 * (and the send confirmed) before it is deleted: a crash between the two leaves a copy in both
 * queues, which the idempotent ingest absorbs, never a message in neither.
 *
 * <p>Every message it receives but does not move stays hidden until the scan ends and is then
 * released at once. Releasing each at once instead would let the next receive return it again,
 * and a scan over a large DLQ would go round in circles instead of reaching the messages behind
 * it. Messages are hidden for at most the invocation's remaining time: if the function dies, they
 * reappear by the time it would have ended anyway.
 *
 * <p>One message at a time, not batches of ten: this is the tool for picking some messages out;
 * moving everything is the message move task's job, which SQS runs at up to 500 a second.
 */
final class SelectiveRedrive {

    private final DeadLetterQueueGateway queue;
    private final ObjectKeys objectKeys;
    private final Clock clock;
    private final long safetyMarginMillis;

    /** @param safetyMarginMillis time kept at the end of the invocation to release what it holds and answer */
    SelectiveRedrive(DeadLetterQueueGateway queue, ObjectKeys objectKeys, Clock clock, long safetyMarginMillis) {
        this.queue = queue;
        this.objectKeys = objectKeys;
        this.clock = clock;
        this.safetyMarginMillis = safetyMarginMillis;
    }

    SelectiveReport run(RedriveRequest.Selective request, LongSupplier remainingMillis) {
        TimeBudget budget = new TimeBudget(remainingMillis, safetyMarginMillis);
        SelectiveReport report = new SelectiveReport(request);
        List<DeadLetter> held = new ArrayList<>();
        Instant now = clock.instant();
        try {
            while (report.stopReason() == null) {
                List<DeadLetter> received = budget.allowsStart() && report.matched() < request.maxMessages()
                        ? queue.receive(Duration.ofMillis(remainingMillis.getAsLong()))
                        : List.of();
                if (received.isEmpty()) {
                    report.stop(
                            !budget.allowsStart()
                                    ? SelectiveReport.StopReason.TIME_BUDGET
                                    : report.matched() >= request.maxMessages()
                                            ? SelectiveReport.StopReason.MAX_MESSAGES
                                            : SelectiveReport.StopReason.DLQ_EMPTY);
                }
                for (DeadLetter letter : received) {
                    if (!budget.allowsStart() || report.matched() >= request.maxMessages()) {
                        held.add(letter); // received, not examined: it stays as it was
                        continue;
                    }
                    examine(letter, request, now, report, held);
                }
            }
        } finally {
            if (!held.isEmpty()) {
                queue.release(held)
                        .forEach(
                                messageId -> report.note(
                                        messageId,
                                        "not released; it stays in the DLQ and is visible again when its visibility timeout ends"));
            }
        }
        return report;
    }

    private void examine(
            DeadLetter letter,
            RedriveRequest.Selective request,
            Instant now,
            SelectiveReport report,
            List<DeadLetter> held) {
        List<String> keys = objectKeys.of(letter.body());
        if (!request.filter().matches(letter, keys, now)) {
            report.examined(false);
            held.add(letter);
            return;
        }
        report.examined(true);
        if (request.dryRun()) {
            report.wouldMove(letter, keys);
            held.add(letter);
            return;
        }
        try {
            queue.sendToSource(letter);
        } catch (RuntimeException notSent) {
            report.failed(letter, "not sent to the source queue, so it stays in the DLQ: " + notSent.getMessage());
            held.add(letter);
            return;
        }
        try {
            queue.delete(letter);
            report.moved();
        } catch (RuntimeException notDeleted) {
            report.failed(
                    letter,
                    "sent to the source queue but not deleted from the DLQ; the DLQ copy reappears"
                            + " after its visibility timeout (a duplicate, which the ingest absorbs): "
                            + notDeleted.getMessage());
        }
    }
}
