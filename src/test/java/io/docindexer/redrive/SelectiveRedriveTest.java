package io.docindexer.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.event.S3EventParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class SelectiveRedriveTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final long MARGIN = 1_000;
    private static final LongSupplier PLENTY_OF_TIME = () -> 300_000;

    private final InMemoryDeadLetterQueue dlq = new InMemoryDeadLetterQueue();
    private final SelectiveRedrive redrive = new SelectiveRedrive(
            dlq, new ObjectKeys(new S3EventParser(new ObjectMapper())), Clock.fixed(NOW, ZoneOffset.UTC), MARGIN);

    @Test
    void onlyMatchingMessagesMoveAndTheOthersAreVisibleAgainAfterwards() {
        dlq.add(letter("m1", "invoices/a.pdf"));
        dlq.add(letter("m2", "photos/b.jpg"));
        dlq.add(letter("m3", "invoices/c.pdf"));

        Map<String, Object> report =
                redrive.run(selective("invoices/", 100, false), PLENTY_OF_TIME).toMap();

        assertThat(dlq.source).extracting(DeadLetter::messageId).containsExactly("m1", "m3");
        assertThat(dlq.all()).containsExactly("m2");
        assertThat(dlq.visible()).containsExactly("m2");
        assertThat(report)
                .containsEntry("examined", 3)
                .containsEntry("matched", 2)
                .containsEntry("moved", 2)
                .containsEntry("left", 1)
                .containsEntry("failed", 0)
                .containsEntry("stoppedBecause", "dlq-empty")
                .doesNotContainKey("wouldMove")
                .doesNotContainKey("problems");
    }

    @Test
    void eachMessageIsSentBeforeItIsDeletedAndTheBodyAndReasonTravelWithIt() {
        DeadLetter rejected = new DeadLetter(
                "m1",
                "r1",
                "not json",
                Map.of(
                        "ErrorClass", DeadLetter.Attribute.text("UnusableMessage"),
                        "Reason", DeadLetter.Attribute.text("message body is not JSON")),
                NOW,
                1,
                null);
        dlq.add(rejected);

        redrive.run(
                new RedriveRequest.Selective(
                        new MessageFilter(
                                Optional.of("UnusableMessage"), Optional.empty(), Optional.empty(), Optional.empty()),
                        10,
                        false),
                PLENTY_OF_TIME);

        assertThat(dlq.calls).containsExactly("send m1", "delete m1");
        assertThat(dlq.source).containsExactly(rejected);
    }

    @Test
    void aMessageWhoseSendFailedIsNeverDeletedAndIsVisibleAgain() {
        dlq.add(letter("m1", "invoices/a.pdf"));
        dlq.add(letter("m2", "invoices/b.pdf"));
        dlq.failSendOf.add("m1");

        Map<String, Object> report =
                redrive.run(selective("invoices/", 100, false), PLENTY_OF_TIME).toMap();

        assertThat(dlq.calls).doesNotContain("delete m1").contains("send m2", "delete m2", "release m1");
        assertThat(dlq.visible()).containsExactly("m1");
        assertThat(report).containsEntry("moved", 1).containsEntry("failed", 1).containsEntry("left", 1);
        assertThat(problems(report))
                .singleElement()
                .satisfies(problem -> assertThat(problem)
                        .containsEntry("messageId", "m1")
                        .hasEntrySatisfying(
                                "problem",
                                text -> assertThat((String) text).startsWith("not sent to the source queue")));
    }

    @Test
    void aMessageSentButNotDeletedIsReportedAsADuplicateNotAsMoved() {
        dlq.add(letter("m1", "invoices/a.pdf"));
        dlq.failDeleteOf.add("m1");

        Map<String, Object> report =
                redrive.run(selective("invoices/", 100, false), PLENTY_OF_TIME).toMap();

        assertThat(dlq.source).extracting(DeadLetter::messageId).containsExactly("m1");
        assertThat(dlq.all()).containsExactly("m1");
        assertThat(report).containsEntry("moved", 0).containsEntry("failed", 1).containsEntry("left", 1);
        assertThat(problems(report))
                .singleElement()
                .satisfies(problem -> assertThat((String) problem.get("problem"))
                        .contains("sent to the source queue but not deleted"));
    }

    @Test
    void aDryRunMovesNothingReportsWhatWouldMoveAndReleasesEverything() {
        dlq.add(letter("m1", "invoices/a.pdf"));
        dlq.add(letter("m2", "photos/b.jpg"));

        Map<String, Object> report =
                redrive.run(selective("invoices/", 100, true), PLENTY_OF_TIME).toMap();

        assertThat(dlq.source).isEmpty();
        assertThat(dlq.calls).containsExactlyInAnyOrder("release m1", "release m2");
        assertThat(dlq.visible()).containsExactly("m1", "m2");
        assertThat(report)
                .containsEntry("matched", 1)
                .containsEntry("moved", 0)
                .containsEntry("left", 2)
                .containsEntry("wouldMoveTruncated", false);
        assertThat((List<?>) report.get("wouldMove"))
                .singleElement()
                .isEqualTo(Map.of(
                        "messageId",
                        "m1",
                        "keys",
                        List.of("invoices/a.pdf"),
                        "receiveCount",
                        5,
                        "sentAt",
                        NOW.minus(Duration.ofHours(1)).toString()));
    }

    @Test
    void aScanReachesMatchingMessagesBehindManyThatDoNotMatch() {
        for (int i = 0; i < 35; i++) {
            dlq.add(letter("other-" + i, "photos/" + i + ".jpg"));
        }
        dlq.add(letter("wanted", "invoices/a.pdf"));

        Map<String, Object> report =
                redrive.run(selective("invoices/", 100, false), PLENTY_OF_TIME).toMap();

        assertThat(dlq.source).extracting(DeadLetter::messageId).containsExactly("wanted");
        assertThat(report).containsEntry("examined", 36).containsEntry("moved", 1);
        assertThat(dlq.visible()).hasSize(35);
    }

    @Test
    void itStopsAtMaxMessagesAndLeavesTheRestUntouched() {
        for (int i = 0; i < 5; i++) {
            dlq.add(letter("m" + i, "invoices/" + i + ".pdf"));
        }

        Map<String, Object> report =
                redrive.run(selective("invoices/", 2, false), PLENTY_OF_TIME).toMap();

        assertThat(dlq.source).extracting(DeadLetter::messageId).containsExactly("m0", "m1");
        assertThat(dlq.visible()).containsExactly("m2", "m3", "m4");
        assertThat(report)
                .containsEntry("examined", 2)
                .containsEntry("moved", 2)
                .containsEntry("stoppedBecause", "max-messages");
    }

    @Test
    void itStopsBeforeTheInvocationRunsOutOfTimeAndReleasesWhatItHolds() {
        for (int i = 0; i < 25; i++) {
            dlq.add(letter("m" + i, "photos/" + i + ".jpg"));
        }
        // Each look at the clock costs 100 ms of a 2 s invocation with a 1 s margin.
        AtomicLong remaining = new AtomicLong(2_000);
        LongSupplier clock = () -> remaining.getAndAdd(-100);

        Map<String, Object> report =
                redrive.run(selective("invoices/", 100, false), clock).toMap();

        assertThat(report).containsEntry("stoppedBecause", "time-budget");
        assertThat((Integer) report.get("examined")).isLessThan(25);
        assertThat(dlq.visible()).hasSize(25);
    }

    @Test
    void anInvocationAlreadyOutOfTimeReceivesNothing() {
        dlq.add(letter("m1", "invoices/a.pdf"));

        Map<String, Object> report =
                redrive.run(selective("invoices/", 100, false), () -> MARGIN).toMap();

        assertThat(dlq.receives).isZero();
        assertThat(report).containsEntry("examined", 0).containsEntry("stoppedBecause", "time-budget");
    }

    @Test
    void theWouldMoveListIsCappedButTheCountIsNot() {
        for (int i = 0; i < SelectiveReport.MAX_LISTED + 5; i++) {
            dlq.add(letter("m" + i, "invoices/" + i + ".pdf"));
        }

        Map<String, Object> report =
                redrive.run(selective("invoices/", 1_000, true), PLENTY_OF_TIME).toMap();

        assertThat(report)
                .containsEntry("matched", SelectiveReport.MAX_LISTED + 5)
                .containsEntry("wouldMoveTruncated", true);
        assertThat((List<?>) report.get("wouldMove")).hasSize(SelectiveReport.MAX_LISTED);
    }

    @Test
    void whatItHoldsIsReleasedEvenWhenTheRunDies() {
        dlq.add(letter("m1", "photos/a.jpg"));
        dlq.add(letter("m2", "invoices/b.pdf"));
        DeadLetterQueueGateway dying = new DeadLetterQueueGateway() {
            @Override
            public List<DeadLetter> receive(Duration hiddenFor) {
                return dlq.receive(hiddenFor);
            }

            @Override
            public String sendToSource(DeadLetter letter) {
                throw new OutOfMemoryError("simulated");
            }

            @Override
            public void delete(DeadLetter letter) {
                dlq.delete(letter);
            }

            @Override
            public List<String> release(List<DeadLetter> letters) {
                return dlq.release(letters);
            }
        };
        SelectiveRedrive redrive = new SelectiveRedrive(
                dying, new ObjectKeys(new S3EventParser(new ObjectMapper())), Clock.fixed(NOW, ZoneOffset.UTC), MARGIN);

        assertThatThrownBy(() -> redrive.run(selective("invoices/", 100, false), PLENTY_OF_TIME))
                .isInstanceOf(OutOfMemoryError.class);
        assertThat(dlq.visible()).containsExactly("m1");
        assertThat(dlq.all()).containsExactly("m1", "m2");
    }

    private static RedriveRequest.Selective selective(String keyPrefix, int maxMessages, boolean dryRun) {
        return new RedriveRequest.Selective(
                new MessageFilter(Optional.empty(), Optional.of(keyPrefix), Optional.empty(), Optional.empty()),
                maxMessages,
                dryRun);
    }

    private static DeadLetter letter(String messageId, String key) {
        return new DeadLetter(
                messageId,
                "receipt-" + messageId,
                MessageFilterTest.notification(key),
                Map.of(),
                NOW.minus(Duration.ofHours(1)),
                5,
                null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("problems");
    }
}
