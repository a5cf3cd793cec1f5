package io.docindexer.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryTallyTest {

    private final DeliveryTally tally = new DeliveryTally();

    @Test
    void aMessageThatLeftTheQueueWithoutAnAcknowledgedOutcomeIsDroppedEvenIfALaterEventRepairedItsKey()
            throws Exception {
        tally.sent(new DeliveryTally.Sent("m1", "k", "01"));
        tally.sent(new DeliveryTally.Sent("m2", "k", "02"));
        tally.received(event("m1", "m2"));
        tally.functionOutput(recordLine("m1", "Retry", "OpenSearch unreachable"));
        tally.functionOutput(recordLine("m2", "Indexed", "indexed"));

        assertThat(tally.unfinished(Set.of()))
                .singleElement()
                .asString()
                .startsWith("dropped: message m1 (k, sequencer 01) was received 1 times");
    }

    @Test
    void aMessageInTheDlqOrAcknowledgedAfterARetryIsFinished() throws Exception {
        tally.sent(new DeliveryTally.Sent("m1", "k", "01"));
        tally.sent(new DeliveryTally.Sent("m2", "poison", "02"));
        tally.received(event("m1", "m2"));
        tally.received(event("m1"));
        tally.functionOutput(
                recordLine("m1", "Retry", "GetObject: Please reduce your request rate. (Status Code: 503)"));
        tally.functionOutput(recordLine("m1", "Skipped", "older than the indexed event"));

        assertThat(tally.unfinished(Set.of(List.of("poison", "02")))).isEmpty();
        assertThat(tally.receivesPerMessage()).isEqualTo(1.5);
        assertThat(tally.s3FaultsThatReachedTheHandler()).isEqualTo(1);
        assertThat(tally.recordsWithoutReceiveCount()).isZero();
    }

    @Test
    void countsRecordsHandedOverWithoutApproximateReceiveCount() throws Exception {
        tally.received("{\"Records\":[{\"messageId\":\"m1\",\"attributes\":{}}]}".getBytes(StandardCharsets.UTF_8));

        assertThat(tally.recordsWithoutReceiveCount()).isEqualTo(1);
    }

    @Test
    void ignoresLinesThatAreNotTheObserversRecordLines() {
        tally.sent(new DeliveryTally.Sent("m1", "k", "01"));
        tally.functionOutput("START RequestId: 1");
        tally.functionOutput("{\"level\":\"INFO\",\"message\":\"outcome of nothing\"}");
        tally.functionOutput("{\"outcome\": not json");

        assertThat(tally.unfinished(Set.of())).hasSize(1);
    }

    private static byte[] event(String... messageIds) {
        StringBuilder records = new StringBuilder();
        for (String id : messageIds) {
            records.append(records.isEmpty() ? "" : ",")
                    .append("{\"messageId\":\"")
                    .append(id)
                    .append("\",\"attributes\":{\"ApproximateReceiveCount\":\"1\"}}");
        }
        return ("{\"Records\":[" + records + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String recordLine(String messageId, String outcome, String detail) {
        return "{\"level\":\"INFO\",\"message\":\"record " + outcome.toLowerCase() + "\",\"messageId\":\"" + messageId
                + "\",\"outcome\":\"" + outcome + "\",\"detail\":\"" + detail + "\"}";
    }
}
