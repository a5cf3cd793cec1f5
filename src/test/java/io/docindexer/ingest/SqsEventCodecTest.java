package io.docindexer.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our reading and writing of Lambda's SQS payloads, checked against Lambda's own serialiser. */
class SqsEventCodecTest {

    /** A record with every field Lambda sends, including message attributes of each kind. */
    private static final String FULL_RECORD = """
            {"Records":[{"messageId":"m1","receiptHandle":"r1","body":"{\\"Records\\":[]}",
              "attributes":{"ApproximateReceiveCount":"3","SentTimestamp":"1795424400000","MessageGroupId":"g"},
              "messageAttributes":{
                "continuation":{"stringValue":"7","binaryValue":null,"stringListValues":[],"binaryListValues":[],"dataType":"Number"},
                "blob":{"binaryValue":"AAEC/w==","stringListValues":["a","b"],"binaryListValues":["AQ=="],"dataType":"Binary"}},
              "md5OfBody":"d41d8cd98f00b204e9800998ecf8427e","md5OfMessageAttributes":"abc",
              "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:ap-northeast-1:123456789012:ingest",
              "awsRegion":"ap-northeast-1"}]}""";

    private final SqsEventCodec codec = new SqsEventCodec(new ObjectMapper());

    @ParameterizedTest
    @ValueSource(strings = {"events/s3-put.json", "events/s3-delete.json", "events/s3-test-event.json"})
    void readsTheSampleEventsAsLambdasSerialiserDoes(String file) throws IOException {
        byte[] event = Files.readAllBytes(Path.of(file));

        assertThat(codec.readRecords(new ByteArrayInputStream(event)))
                .isEqualTo(lambdaReads(event))
                .isNotEmpty();
    }

    @Test
    void readsEveryFieldAndMessageAttributeAsLambdasSerialiserDoes() throws IOException {
        byte[] event = FULL_RECORD.getBytes(UTF_8);

        List<SQSMessage> records = codec.readRecords(new ByteArrayInputStream(event));

        assertThat(records).isEqualTo(lambdaReads(event));
        SQSMessage record = records.get(0);
        assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:ap-northeast-1:123456789012:ingest");
        assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "3");
        assertThat(record.getMessageAttributes().get("continuation").getStringValue())
                .isEqualTo("7");
        assertThat(record.getMessageAttributes().get("blob").getBinaryValue())
                .isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}));
    }

    @Test
    void nullsInsideAttributesAndListsStayNullAsLambdasSerialiserLeavesThem() throws IOException {
        byte[] event = """
                {"Records":[{"messageId":"m1","attributes":{"MessageGroupId":null,"ApproximateReceiveCount":2},
                  "messageAttributes":{"a":{"stringListValues":["x",null],"binaryListValues":[null],"dataType":"String"}}}]}""".getBytes(UTF_8);

        List<SQSMessage> records = codec.readRecords(new ByteArrayInputStream(event));

        assertThat(records).isEqualTo(lambdaReads(event));
        assertThat(records.get(0).getAttributes())
                .containsEntry("MessageGroupId", null)
                .containsEntry("ApproximateReceiveCount", "2");
        assertThat(records.get(0).getMessageAttributes().get("a").getBinaryListValues())
                .containsExactly((ByteBuffer) null);
    }

    @Test
    void aRecordThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> codec.readRecords(stream("{\"Records\":[{\"messageId\":\"m1\"},1]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record 1 of its Records is NUMBER, not an object");
    }

    @Test
    void writesThePartialBatchResponseAsLambdasSerialiserDoes() throws IOException {
        SQSBatchResponse response = new SQSBatchResponse(
                List.of(new SQSBatchResponse.BatchItemFailure("m2"), new SQSBatchResponse.BatchItemFailure("m5")));

        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        codec.writeResponse(response, ours);

        assertThat(ours.toString(UTF_8))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"},{\"itemIdentifier\":\"m5\"}]}");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(ours.toByteArray())).isEqualTo(json.readTree(lambdaWrites(response)));
    }

    @Test
    void writesAnEmptyListWhenNothingFailed() throws IOException {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        codec.writeResponse(new SQSBatchResponse(List.of()), ours);

        assertThat(ours.toString(UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void leavesOutANullIdentifierAsLambdasSerialiserDoes() throws IOException {
        SQSBatchResponse response = new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(null)));

        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        codec.writeResponse(response, ours);

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(ours.toByteArray())).isEqualTo(json.readTree(lambdaWrites(response)));
    }

    @Test
    void aPayloadWithoutRecordsIsRefusedWithWhatToSend() {
        assertThatThrownBy(() -> codec.readRecords(stream("{\"mode\":\"all\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Records array")
                .hasMessageContaining("events/s3-put.json");
        assertThatThrownBy(() -> codec.readRecords(stream(""))).hasMessageContaining("no Records array");
    }

    @Test
    void aPayloadThatIsNotJsonIsRefusedWithWhatToSend() {
        assertThatThrownBy(() -> codec.readRecords(stream("Records: none")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not JSON")
                .hasMessageContaining("events/s3-put.json");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }

    private static List<SQSMessage> lambdaReads(byte[] event) {
        PojoSerializer<SQSEvent> serializer =
                LambdaEventSerializers.serializerFor(SQSEvent.class, SqsEventCodecTest.class.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(event)).getRecords();
    }

    private static byte[] lambdaWrites(SQSBatchResponse response) {
        PojoSerializer<SQSBatchResponse> serializer =
                LambdaEventSerializers.serializerFor(SQSBatchResponse.class, SqsEventCodecTest.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        return out.toByteArray();
    }
}
