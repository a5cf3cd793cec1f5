package io.docindexer.redrive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a selective redrive did, counted as it goes and answered as the function's response. */
final class SelectiveReport {

    /** Lists in the response stop here: the counts stay exact, the response stays small. */
    static final int MAX_LISTED = 100;

    enum StopReason {
        /** Every visible message was examined. */
        DLQ_EMPTY("dlq-empty"),
        /** maxMessages matched; invoke again for more. */
        MAX_MESSAGES("max-messages"),
        /** The invocation's time ran short; invoke again to go on. */
        TIME_BUDGET("time-budget");

        private final String code;

        StopReason(String code) {
            this.code = code;
        }
    }

    private final RedriveRequest.Selective request;
    private int examined;
    private int matched;
    private int moved;
    private int failed;
    private StopReason stopReason;
    private final List<Map<String, Object>> wouldMove = new ArrayList<>();
    private final List<Map<String, Object>> problems = new ArrayList<>();

    SelectiveReport(RedriveRequest.Selective request) {
        this.request = request;
    }

    void examined(boolean matches) {
        examined++;
        if (matches) {
            matched++;
        }
    }

    void moved() {
        moved++;
    }

    void wouldMove(DeadLetter letter, List<String> keys) {
        if (wouldMove.size() < MAX_LISTED) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("messageId", letter.messageId());
            entry.put("keys", keys);
            letter.errorClass().ifPresent(value -> entry.put("errorClass", value));
            entry.put("receiveCount", letter.receiveCount());
            entry.put("sentAt", letter.sentAt().toString());
            wouldMove.add(entry);
        }
    }

    /** A matched message that could not be moved. */
    void failed(DeadLetter letter, String problem) {
        failed++;
        note(letter.messageId(), problem);
    }

    /** A problem that changes no count, e.g. a message not released (it reappears by itself). */
    void note(String messageId, String problem) {
        if (problems.size() < MAX_LISTED) {
            problems.add(Map.of("messageId", messageId, "problem", problem));
        }
    }

    void stop(StopReason reason) {
        this.stopReason = reason;
    }

    int matched() {
        return matched;
    }

    StopReason stopReason() {
        return stopReason;
    }

    /**
     * {@code left} is every examined message still in the DLQ: the ones that did not match, the
     * dry run's, and the failed ones (a message sent but not deleted is in both queues).
     */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", "selective");
        map.put("dryRun", request.dryRun());
        map.put("filter", request.filter().toMap());
        map.put("maxMessages", request.maxMessages());
        map.put("examined", examined);
        map.put("matched", matched);
        map.put("moved", moved);
        map.put("left", examined - moved);
        map.put("failed", failed);
        map.put("stoppedBecause", stopReason == null ? null : stopReason.code);
        if (request.dryRun()) {
            map.put("wouldMove", wouldMove);
            map.put("wouldMoveTruncated", matched > wouldMove.size());
        }
        if (!problems.isEmpty()) {
            map.put("problems", problems);
        }
        return map;
    }
}
