package io.docindexer.cli;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.LoggingObserver;
import io.docindexer.config.IngestConfig;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.ParsedMessage;
import io.docindexer.event.S3EventParser;
import io.docindexer.event.UnusableMessageException;
import io.docindexer.ingest.IngestComponents;
import io.docindexer.local.LocalContext;
import io.docindexer.local.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Runs the ingest handler once on an SQS event file against the local stack and prints the
 * {@code SQSBatchResponse} as Lambda serialises it: the local {@code sam local invoke -e}. The
 * objects the event names are uploaded from samples/ first, so the event has something to index.
 */
final class InvokeCommand {

    private static final Path SAMPLES = Path.of("samples");
    private static final int FUNCTION_TIMEOUT_MILLIS = 300_000;

    private final PrintStream out;

    InvokeCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws Exception {
        if (args.size() != 1) {
            throw new UsageException("usage: ./docindexer invoke EVENT.json (sample events are in events/)");
        }
        Path eventFile = Path.of(args.get(0));
        if (!Files.isRegularFile(eventFile)) {
            throw new UsageException("no event file at " + eventFile + "; the sample events are in events/");
        }
        SQSEvent event = read(eventFile);
        try (LocalStack stack = LocalStack.start()) {
            LocalStack.Queues queues = stack.createQueues(LocalStack.QUEUE, 60, 5);
            uploadTheObjectsItNames(stack, event);
            IngestConfig config = IngestConfig.fromEnv(stack.ingestEnvironment(queues));
            // Log lines go to stderr so that stdout is exactly the handler's response.
            try (IngestComponents ingest = IngestComponents.create(config, new LoggingObserver(new ObjectMapper(), System.err))) {
                SQSBatchResponse response = ingest.handler().handleRequest(event, new LocalContext(FUNCTION_TIMEOUT_MILLIS));
                out.println(toJson(response));
            }
        }
        return Main.OK;
    }

    private static SQSEvent read(Path eventFile) throws Exception {
        PojoSerializer<SQSEvent> serializer = LambdaEventSerializers.serializerFor(SQSEvent.class, InvokeCommand.class.getClassLoader());
        try (InputStream in = Files.newInputStream(eventFile)) {
            SQSEvent event = serializer.fromJson(in);
            if (event.getRecords() == null || event.getRecords().isEmpty()) {
                throw new UsageException(eventFile + " has no Records; expected an SQS event like events/s3-put.json");
            }
            return event;
        } catch (RuntimeException unreadable) {
            if (unreadable instanceof UsageException) {
                throw unreadable;
            }
            throw new UsageException(eventFile + " is not an SQS event (" + unreadable.getMessage()
                    + "); expected the JSON Lambda receives from SQS, like events/s3-put.json");
        }
    }

    private void uploadTheObjectsItNames(LocalStack stack, SQSEvent event) {
        S3EventParser parser = new S3EventParser(new ObjectMapper());
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            ParsedMessage parsed;
            try {
                parsed = parser.parse(message.getBody());
            } catch (UnusableMessageException unusable) {
                continue; // the handler will reject it; that is what invoking it should show
            }
            if (parsed instanceof ParsedMessage.ObjectEvents objects) {
                objects.events().stream().filter(object -> object.kind() == ObjectEvent.Kind.CREATED)
                        .forEach(object -> upload(stack, object));
            }
        }
    }

    private static void upload(LocalStack stack, ObjectEvent object) {
        Path sample = SAMPLES.resolve(object.fileName()).normalize();
        if (!sample.startsWith(SAMPLES) || !Files.isRegularFile(sample)) {
            System.err.printf("note: samples/ has no file named '%s', so s3://%s/%s will not exist%n",
                    object.fileName(), object.bucket(), object.key());
            return;
        }
        if (!stack.s3().listBuckets().buckets().stream().anyMatch(bucket -> bucket.name().equals(object.bucket()))) {
            stack.s3().createBucket(request -> request.bucket(object.bucket()));
        }
        stack.s3().putObject(request -> request.bucket(object.bucket()).key(object.key()), RequestBody.fromFile(sample));
        System.err.printf("uploaded %s to s3://%s/%s%n", sample, object.bucket(), object.key());
    }

    private static String toJson(SQSBatchResponse response) {
        PojoSerializer<SQSBatchResponse> serializer =
                LambdaEventSerializers.serializerFor(SQSBatchResponse.class, InvokeCommand.class.getClassLoader());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        serializer.toJson(response, json);
        return json.toString(StandardCharsets.UTF_8);
    }
}
