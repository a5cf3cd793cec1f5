package io.docindexer.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The local event source mapping's JSON, read back by Lambda's own serialiser. */
class SqsLambdaEventsTest {

    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:docindexer-ingest";

    @Test
    void writesAnEventLambdasSerialiserReadsFieldForField() {
        Message received = Message.builder()
                .messageId("m1")
                .receiptHandle("r1")
                .body("{\"Records\":[]}")
                .md5OfBody("md5")
                .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2"))
                .messageAttributes(Map.of(
                        "continuation",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("page 7")
                                        .build(),
                        "blob",
                                MessageAttributeValue.builder()
                                        .dataType("Binary")
                                        .binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xff}))
                                        .build()))
                .build();

        SQSEvent event = LambdaEventSerializers.serializerFor(
                        SQSEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(SqsLambdaEvents.event(List.of(received), QUEUE_ARN)));

        SQSEvent.SQSMessage record = event.getRecords().get(0);
        assertThat(record.getMessageId()).isEqualTo("m1");
        assertThat(record.getReceiptHandle()).isEqualTo("r1");
        assertThat(record.getBody()).isEqualTo("{\"Records\":[]}");
        assertThat(record.getEventSourceArn()).isEqualTo(QUEUE_ARN);
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "2");
        assertThat(record.getMessageAttributes().get("continuation").getStringValue())
                .isEqualTo("page 7");
        assertThat(record.getMessageAttributes().get("blob").getBinaryValue())
                .isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}));
    }

    @Test
    void readsTheMessageIdsOfAPartialBatchResponse() {
        assertThat(SqsLambdaEvents.failedMessageIds(
                        "{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"},{\"itemIdentifier\":\"m5\"}]}"
                                .getBytes(UTF_8)))
                .containsExactlyInAnyOrder("m2", "m5");
        assertThat(SqsLambdaEvents.failedMessageIds("{\"batchItemFailures\":[]}".getBytes(UTF_8)))
                .isEmpty();
    }

    @Test
    void aResponseLambdaWouldTreatAsAFailedBatchIsRefused() {
        assertThatThrownBy(() -> SqsLambdaEvents.failedMessageIds("{\"batchItemFailures\":[{}]}".getBytes(UTF_8)))
                .hasMessageContaining("without an itemIdentifier");
        assertThatThrownBy(() -> SqsLambdaEvents.failedMessageIds("not json".getBytes(UTF_8)))
                .hasMessageContaining("not JSON");
    }
}
