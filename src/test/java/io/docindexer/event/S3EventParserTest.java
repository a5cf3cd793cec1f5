package io.docindexer.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3EventParserTest {

    private final S3EventParser parser = new S3EventParser(new ObjectMapper());

    @ParameterizedTest(name = "{0} decodes to {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "report.pdf                          | report.pdf",
                "my+file.pdf                         | my file.pdf",
                "a%2Bb.pdf                           | a+b.pdf",
                "100%25+done.txt                     | 100% done.txt",
                "folder/sub+dir/x.txt                | folder/sub dir/x.txt",
                "%E5%A5%91%E7%B4%84%E6%9B%B8.pdf     | 契約書.pdf",
                "caf%C3%A9+menu.txt                  | café menu.txt",
            })
    void urlDecodesKeysTheWayS3EncodesThem(String encoded, String decoded) {
        ParsedMessage parsed = parser.parse(notification("ObjectCreated:Put", encoded));

        assertThat(onlyEvent(parsed).key()).isEqualTo(decoded);
    }

    @Test
    void aNotificationRebuiltFromAStoredDocumentNamesTheSameObjectAndSequencer() {
        // What README's "A new index version" (step 4) makes with jq from an index document.
        String body = """
                {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"docs"},\
                "object":{"key":"contracts%2F2026%2F%E8%AB%8B%E6%B1%82%E6%9B%B8%201%2B2.pdf","size":10499,\
                "eTag":"d5fe708834c9f8bd3ba7d09dc55f652a","sequencer":"000661CE59305D390000000000000000"}}}]}""";

        ObjectEvent event = onlyEvent(parser.parse(body));

        assertThat(event.kind()).isEqualTo(ObjectEvent.Kind.CREATED);
        assertThat(event.key()).isEqualTo("contracts/2026/請求書 1+2.pdf");
        assertThat(event.sequencer()).isEqualTo("000661CE59305D390000000000000000");
        assertThat(event.versionId()).isNull();
        assertThat(event.eTag()).isEqualTo("d5fe708834c9f8bd3ba7d09dc55f652a");
    }

    @Test
    void readsEveryFieldOfAnObjectCreatedNotification() throws Exception {
        SQSEvent event = EventLoader.loadSQSEvent("events/s3-put.json");

        ObjectEvent object = onlyEvent(parser.parse(event.getRecords().get(0).getBody()));

        assertThat(object.kind()).isEqualTo(ObjectEvent.Kind.CREATED);
        assertThat(object.bucket()).isEqualTo("docindexer-local");
        assertThat(object.key()).isEqualTo("samples/quarterly report 2026+draft.pdf");
        assertThat(object.fileName()).isEqualTo("quarterly report 2026+draft.pdf");
        assertThat(object.size()).isEqualTo(1234);
        assertThat(object.sequencer()).isEqualTo("0069ABCDEF00000001");
        assertThat(object.eTag()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(object.eventTime()).isNotNull();
    }

    @Test
    void objectRemovedIsARemoval() throws Exception {
        SQSEvent event = EventLoader.loadSQSEvent("events/s3-delete.json");

        ObjectEvent object = onlyEvent(parser.parse(event.getRecords().get(0).getBody()));

        assertThat(object.kind()).isEqualTo(ObjectEvent.Kind.REMOVED);
        assertThat(object.key()).isEqualTo("samples/quarterly report 2026+draft.pdf");
    }

    @Test
    void recognisesTheS3TestEvent() throws Exception {
        SQSEvent event = EventLoader.loadSQSEvent("events/s3-test-event.json");

        ParsedMessage parsed = parser.parse(event.getRecords().get(0).getBody());

        assertThat(parsed).isEqualTo(new ParsedMessage.TestEvent("docindexer-local"));
    }

    @Test
    void unwrapsAnSnsNotification() throws Exception {
        String sns = new ObjectMapper()
                .createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", "b1")
                .put("Message", notification("ObjectCreated:Copy", "a+b.txt"))
                .toString();

        assertThat(onlyEvent(parser.parse(sns)).key()).isEqualTo("a b.txt");
    }

    @Test
    void readsEventBridgeEventsWhoseKeysAreNotEncoded() {
        String body = """
                {"version":"0","detail-type":"Object Deleted","source":"aws.s3","time":"2026-11-23T09:00:00Z",
                 "detail":{"bucket":{"name":"b"},"object":{"key":"a+b c.txt","sequencer":"00AB"},"reason":"DeleteObject"}}
                """;

        ObjectEvent object = onlyEvent(parser.parse(body));

        assertThat(object.kind()).isEqualTo(ObjectEvent.Kind.REMOVED);
        assertThat(object.key()).isEqualTo("a+b c.txt");
        assertThat(object.sequencer()).isEqualTo("00AB");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "not json",
                "[1,2,3]",
                "\"a string\"",
                "{}",
                "{\"Records\":[]}",
                "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{}}}]}",
                "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"object\":{\"key\":\"k\"}}}]}",
                "{\"Records\":[{\"eventName\":\"ObjectRestore:Completed\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\"}}}]}",
                "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"bad%zzescape\"}}}]}",
                "{\"Type\":\"Notification\",\"Message\":\"not json either\"}",
                "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\",\"sequencer\":\"not-hex\"}}}]}",
                "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\",\"sequencer\":12}}}]}",
            })
    void rejectsBodiesThatAreNotS3EventsWithAReason(String body) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(UnusableMessageException.class)
                .satisfies(rejection -> assertThat(rejection.getMessage()).isNotBlank());
    }

    @Test
    void keepsEveryRecordOfAMultiRecordNotification() throws Exception {
        String one = notification("ObjectCreated:Put", "a.txt");
        String body = one.replace("]}", "," + one.substring(one.indexOf('[') + 1));

        assertThat(((ParsedMessage.ObjectEvents) parser.parse(body)).events()).hasSize(2);
    }

    private static ObjectEvent onlyEvent(ParsedMessage parsed) {
        assertThat(parsed).isInstanceOf(ParsedMessage.ObjectEvents.class);
        assertThat(((ParsedMessage.ObjectEvents) parsed).events()).hasSize(1);
        return ((ParsedMessage.ObjectEvents) parsed).events().get(0);
    }

    static String notification(String eventName, String encodedKey) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventTime":"2026-11-23T09:00:00.000Z",
                "eventName":"%s","s3":{"bucket":{"name":"docs"},"object":{"key":"%s","size":10,"sequencer":"0A"}}}]}
                """.formatted(eventName, encodedKey);
    }
}
