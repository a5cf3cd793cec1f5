package io.docindexer.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.PageRange;
import io.docindexer.event.PageRangeTask;
import io.docindexer.event.PageRangeTaskJson;
import io.docindexer.event.S3EventParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageFilterTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final ObjectKeys objectKeys = new ObjectKeys(new S3EventParser(new ObjectMapper()));

    @Test
    void anEmptyFilterMatchesEveryMessageEvenOneThatIsNotAnS3Event() {
        assertThat(matches(MessageFilter.ALL, letter("not json", Map.of(), NOW)))
                .isTrue();
    }

    @Test
    void theErrorClassIsTheRejectionAttribute() {
        MessageFilter filter = filter(Optional.of("UnusableMessage"), Optional.empty(), null, null);

        assertThat(matches(
                        filter, letter("x", Map.of("ErrorClass", DeadLetter.Attribute.text("UnusableMessage")), NOW)))
                .isTrue();
        assertThat(matches(filter, letter("x", Map.of("ErrorClass", DeadLetter.Attribute.text("Other")), NOW)))
                .isFalse();
        // What reached the DLQ through maxReceiveCount carries no ErrorClass at all.
        assertThat(matches(filter, letter(notification("a.txt"), Map.of(), NOW)))
                .isFalse();
    }

    @Test
    void theKeyPrefixMatchesTheDecodedKeyNotTheEncodedOne() {
        MessageFilter filter = filter(Optional.empty(), Optional.of("my invoices/"), null, null);

        // S3 sends "my+invoices/2025+Q1.pdf": a space is '+' in the notification.
        assertThat(matches(filter, letter(notification("my+invoices/2025+Q1.pdf"), Map.of(), NOW)))
                .isTrue();
        assertThat(matches(
                        filter(Optional.empty(), Optional.of("my+invoices/"), null, null),
                        letter(notification("my+invoices/2025+Q1.pdf"), Map.of(), NOW)))
                .isFalse();
    }

    @Test
    void aKeyPrefixNeverMatchesABodyThatAnnouncesNoKey() {
        MessageFilter filter = filter(Optional.empty(), Optional.of(""), null, null);

        assertThat(matches(filter, letter("{\"Event\":\"s3:TestEvent\",\"Bucket\":\"b\"}", Map.of(), NOW)))
                .isFalse();
        assertThat(matches(filter, letter("garbage", Map.of(), NOW))).isFalse();
    }

    @Test
    void aMessageWithSeveralRecordsMatchesIfAnyKeyDoes() {
        String body = "{\"Records\":[" + record("other/a.txt") + "," + record("invoices/b.pdf") + "]}";

        assertThat(objectKeys.of(body)).containsExactly("other/a.txt", "invoices/b.pdf");
        assertThat(matches(filter(Optional.empty(), Optional.of("invoices/"), null, null), letter(body, Map.of(), NOW)))
                .isTrue();
    }

    @Test
    void aBigScansPageRangeTaskMatchesByTheKeyOfItsFile() {
        ObjectEvent event = new ObjectEvent(
                ObjectEvent.Kind.CREATED, "b", "scans/契約書 一式.pdf", 1, "e", null, "0A", NOW, "ObjectCreated:Put");
        List<PageRange> ranges = List.of(new PageRange(1, 10), new PageRange(11, 20));
        String body = PageRangeTaskJson.encode(new PageRangeTask(event, ranges.get(1), ranges), new ObjectMapper());

        assertThat(objectKeys.of(body)).containsExactly("scans/契約書 一式.pdf");
        assertThat(matches(filter(Optional.empty(), Optional.of("scans/"), null, null), letter(body, Map.of(), NOW)))
                .isTrue();
    }

    @Test
    void ageIsMeasuredFromWhenTheMessageWasFirstSentAndBothBoundsAreInclusive() {
        MessageFilter olderThanAnHour = filter(Optional.empty(), Optional.empty(), Duration.ofHours(1), null);
        MessageFilter newerThanADay = filter(Optional.empty(), Optional.empty(), null, Duration.ofDays(1));

        assertThat(matches(olderThanAnHour, letter("x", Map.of(), NOW.minus(Duration.ofHours(1)))))
                .isTrue();
        assertThat(matches(olderThanAnHour, letter("x", Map.of(), NOW.minus(Duration.ofMinutes(59)))))
                .isFalse();
        assertThat(matches(newerThanADay, letter("x", Map.of(), NOW.minus(Duration.ofDays(1)))))
                .isTrue();
        assertThat(matches(
                        newerThanADay,
                        letter("x", Map.of(), NOW.minus(Duration.ofDays(1)).minusSeconds(1))))
                .isFalse();
    }

    @Test
    void everyConditionMustHold() {
        MessageFilter filter =
                filter(Optional.of("UnusableMessage"), Optional.of("invoices/"), Duration.ofHours(1), null);
        Map<String, DeadLetter.Attribute> rejected = Map.of("ErrorClass", DeadLetter.Attribute.text("UnusableMessage"));
        String body = notification("invoices/a.pdf");

        assertThat(matches(filter, letter(body, rejected, NOW.minus(Duration.ofHours(2)))))
                .isTrue();
        assertThat(matches(filter, letter(body, rejected, NOW))).isFalse();
        assertThat(matches(filter, letter(notification("other/a.pdf"), rejected, NOW.minus(Duration.ofHours(2)))))
                .isFalse();
        assertThat(matches(filter, letter(body, Map.of(), NOW.minus(Duration.ofHours(2)))))
                .isFalse();
    }

    @Test
    void theFilterIsEchoedAsTheRequestSpelledIt() {
        assertThat(filter(
                                Optional.of("UnusableMessage"),
                                Optional.of("a/"),
                                Duration.ofSeconds(60),
                                Duration.ofSeconds(600))
                        .toMap())
                .containsExactly(
                        Map.entry("errorClass", "UnusableMessage"),
                        Map.entry("keyPrefix", "a/"),
                        Map.entry("olderThanSeconds", 60L),
                        Map.entry("newerThanSeconds", 600L));
        assertThat(MessageFilter.ALL.toMap()).isEmpty();
    }

    private boolean matches(MessageFilter filter, DeadLetter letter) {
        return filter.matches(letter, objectKeys.of(letter.body()), NOW);
    }

    private static MessageFilter filter(
            Optional<String> errorClass, Optional<String> keyPrefix, Duration olderThan, Duration newerThan) {
        return new MessageFilter(errorClass, keyPrefix, Optional.ofNullable(olderThan), Optional.ofNullable(newerThan));
    }

    static DeadLetter letter(String body, Map<String, DeadLetter.Attribute> attributes, Instant sentAt) {
        return new DeadLetter("m-" + Math.abs(body.hashCode()), "r", body, attributes, sentAt, 5, null);
    }

    static String notification(String encodedKey) {
        return "{\"Records\":[" + record(encodedKey) + "]}";
    }

    private static String record(String encodedKey) {
        return "{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"docs\"},\"object\":{\"key\":\""
                + encodedKey + "\",\"sequencer\":\"0A\"}}}";
    }
}
