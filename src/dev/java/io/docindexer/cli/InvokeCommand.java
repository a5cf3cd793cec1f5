package io.docindexer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.config.IngestConfig;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.ParsedMessage;
import io.docindexer.event.S3EventParser;
import io.docindexer.event.UnusableMessageException;
import io.docindexer.ingest.IngestComponents;
import io.docindexer.local.LocalContext;
import io.docindexer.local.LocalServers;
import io.docindexer.observe.LoggingObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Runs the ingest handler once on an SQS event file against the local stack and prints its
 * response: the local {@code sam local invoke -e}. The handler gets the file's bytes and writes the
 * response bytes, as on Lambda. The objects the event names are uploaded from samples/ first, so
 * the event has something to index.
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
        JsonNode records = records(eventFile);
        try (LocalServers stack = LocalServers.start()) {
            LocalServers.Queues queues = stack.createQueues(LocalServers.QUEUE, 60, 5);
            uploadTheObjectsItNames(stack, records);
            IngestConfig config = IngestConfig.fromEnv(stack.ingestEnvironment(queues));
            // Log lines go to stderr so that stdout is exactly the handler's response.
            try (IngestComponents ingest = IngestComponents.create(config, new LoggingObserver());
                    InputStream event = Files.newInputStream(eventFile)) {
                ByteArrayOutputStream response = new ByteArrayOutputStream();
                ingest.handler().handleRequest(event, response, new LocalContext(FUNCTION_TIMEOUT_MILLIS));
                out.println(response.toString(StandardCharsets.UTF_8));
            }
        }
        return Main.OK;
    }

    /** The event's records, checked before any server starts. */
    private static JsonNode records(Path eventFile) throws IOException {
        JsonNode records;
        try {
            records = new ObjectMapper().readTree(eventFile.toFile()).path("Records");
        } catch (JsonProcessingException notJson) {
            throw new UsageException(eventFile + " is not JSON (" + notJson.getOriginalMessage()
                    + "); expected the JSON Lambda receives from SQS, like events/s3-put.json");
        }
        if (!records.isArray() || records.isEmpty()) {
            throw new UsageException(eventFile + " has no Records; expected an SQS event like events/s3-put.json");
        }
        return records;
    }

    private void uploadTheObjectsItNames(LocalServers stack, JsonNode records) {
        S3EventParser parser = new S3EventParser(new ObjectMapper());
        for (JsonNode record : records) {
            ParsedMessage parsed;
            try {
                parsed = parser.parse(record.path("body").asText(null));
            } catch (UnusableMessageException unusable) {
                continue; // the handler will reject it; that is what invoking it should show
            }
            if (parsed instanceof ParsedMessage.ObjectEvents objects) {
                objects.events().stream()
                        .filter(object -> object.kind() == ObjectEvent.Kind.CREATED)
                        .forEach(object -> upload(stack, object));
            }
        }
    }

    private static void upload(LocalServers stack, ObjectEvent object) {
        Path sample = SAMPLES.resolve(object.fileName()).normalize();
        if (!sample.startsWith(SAMPLES) || !Files.isRegularFile(sample)) {
            System.err.printf(
                    "note: samples/ has no file named '%s', so s3://%s/%s will not exist%n",
                    object.fileName(), object.bucket(), object.key());
            return;
        }
        if (!stack.s3().listBuckets().buckets().stream()
                .anyMatch(bucket -> bucket.name().equals(object.bucket()))) {
            stack.s3().createBucket(request -> request.bucket(object.bucket()));
        }
        stack.s3()
                .putObject(request -> request.bucket(object.bucket()).key(object.key()), RequestBody.fromFile(sample));
        System.err.printf("uploaded %s to s3://%s/%s%n", sample, object.bucket(), object.key());
    }
}
