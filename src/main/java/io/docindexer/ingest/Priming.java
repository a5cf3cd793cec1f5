package io.docindexer.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.batch.Preparation;
import io.docindexer.cache.ExtractionCache;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.S3EventParser;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.invocation.ReceiveCount;
import io.docindexer.invocation.TimeBudget;
import io.docindexer.source.DocumentSource;
import io.docindexer.source.FetchedObject;
import io.docindexer.thumbnail.ThumbnailStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One SQS event through the real ingest path with the network cut out: the event is read as
 * Lambda delivers it, its S3 notification parsed, small files of the common formats
 * ({@link PrimingSamples}) are "downloaded" from memory and extracted, the writes they produce are serialised into the bulk body OpenSearch would
 * receive (not sent), and a batch response is written.
 */
final class Priming {

    static final String TEXT = "DocIndexer primes its ingest path before the SnapStart snapshot.";

    private static final String BUCKET = "snapstart-priming";
    private static final String NOTIFICATION_RECORD = """
            {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",\
            "eventTime":"2026-01-01T00:00:00.000Z","eventName":"ObjectCreated:Put",\
            "s3":{"bucket":{"name":"%s"},"object":{"key":"%s","size":%d,"sequencer":"01"}}}""";

    private Priming() {}

    static String run(
            SqsEventCodec events, S3EventParser parser, DocumentExtractor extractor, OpenSearchDocumentIndex index)
            throws IOException {
        Map<String, byte[]> objects = PrimingSamples.all(TEXT);
        S3EventPreparer preparer = new S3EventPreparer(
                parser,
                new InMemorySource(objects),
                extractor,
                ExtractionCache.NONE,
                ThumbnailStore.NONE,
                Clock.systemUTC(),
                0,
                (queueArn, bodies) -> {
                    throw new IllegalStateException("priming reads no big scan");
                });
        SQSMessage message = events.readRecords(
                        new ByteArrayInputStream(sqsEvent(objects).getBytes(UTF_8)))
                .get(0);
        Preparation prepared = preparer.prepare(message, new TimeBudget(() -> Long.MAX_VALUE, 0));
        if (!(prepared instanceof Preparation.Indexable indexable)) {
            throw new IllegalStateException("priming did not get as far as the index: " + prepared);
        }
        events.writeResponse(
                new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(message.getMessageId()))),
                OutputStream.nullOutputStream());
        return index.bulkBody(indexable.operations());
    }

    /** An SQS event of one message whose S3 notification announces the objects. */
    private static String sqsEvent(Map<String, byte[]> objects) {
        String records = objects.entrySet().stream()
                .map(object -> NOTIFICATION_RECORD.formatted(BUCKET, object.getKey(), object.getValue().length))
                .collect(Collectors.joining(","));
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("messageId", "snapstart-priming");
        record.put("body", "{\"Records\":[" + records + "]}");
        record.putObject("attributes").put(ReceiveCount.ATTRIBUTE, "1");
        record.putObject("messageAttributes");
        record.put("eventSource", "aws:sqs");
        return event.toString();
    }

    /** Objects by key, handed out as temporary files the way S3DocumentSource does. */
    private record InMemorySource(Map<String, byte[]> objects) implements DocumentSource {
        @Override
        public FetchedObject fetch(ObjectEvent event) throws IOException {
            byte[] bytes = objects.get(event.key());
            Path file = Files.createTempFile("priming-", ".tmp");
            Files.write(file, bytes);
            return new FetchedObject(file, bytes.length, null, null, null, Instant.EPOCH, null, Map.of());
        }
    }
}
