package io.docindexer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.config.IngestConfig;
import io.docindexer.config.RedriveConfig;
import io.docindexer.ingest.IngestComponents;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalContext;
import io.docindexer.local.LocalServers;
import io.docindexer.observe.LoggingObserver;
import io.docindexer.redrive.InvalidRedriveRequestException;
import io.docindexer.redrive.Redrive;
import io.docindexer.redrive.RedriveComponents;
import io.docindexer.redrive.RedriveRequest;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code redrive [--seed N] REQUEST}: runs the redrive function once against a fresh local stack
 * and prints its response. The local stack starts empty every time, so on its own the command
 * only shows the answer to an empty DLQ; {@code --seed N} first fills the DLQ the real way: N S3
 * events for a bucket that does not exist go through the event-source poller and the ingest
 * handler until SQS moves them to the DLQ after maxReceiveCount (2 here, to be quick).
 */
final class RedriveCommand {

    private static final String USAGE = "usage: ./docindexer redrive [--seed N] REQUEST\n"
            + "  REQUEST is the request JSON, e.g. '{\"mode\":\"status\"}', or a file holding it, e.g. events/redrive-all.json";
    private static final int MAX_SEED = 100;
    private static final int MAX_RECEIVE_COUNT = 2;
    private static final String MISSING_BUCKET = "docindexer-missing";
    private static final int FUNCTION_TIMEOUT_MILLIS = 300_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    RedriveCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws Exception {
        int seed = 0;
        String requestArgument;
        if (args.size() == 3 && args.get(0).equals("--seed")) {
            seed = seedCount(args.get(1));
            requestArgument = args.get(2);
        } else if (args.size() == 1 && !args.get(0).startsWith("--")) {
            requestArgument = args.get(0);
        } else {
            throw new UsageException(USAGE);
        }
        Map<String, Object> request = readRequest(requestArgument);
        try {
            RedriveRequest.parse(request);
        } catch (InvalidRedriveRequestException invalid) {
            throw new UsageException(invalid.getMessage());
        }

        try (LocalServers stack = LocalServers.start()) {
            LocalServers.Queues queues = stack.createQueues(LocalServers.QUEUE, 1, MAX_RECEIVE_COUNT);
            if (seed > 0) {
                seed(stack, queues, seed);
            }
            try (RedriveComponents redrive =
                    RedriveComponents.create(RedriveConfig.fromEnv(stack.redriveEnvironment(queues)))) {
                // Log lines go to stderr so that stdout is exactly the function's response.
                Map<String, Object> response =
                        redrive.handler().handleRequest(request, new LocalContext(FUNCTION_TIMEOUT_MILLIS));
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(response));
                if ("all".equals(request.get("mode"))) {
                    // The move task runs inside ElasticMQ, which stops with this command: let it finish.
                    awaitTrue(() -> !moveTaskRunning(redrive.redrive()));
                }
            }
            System.err.printf(
                    "now %d messages in the DLQ and %d in the ingest queue%n",
                    stack.messagesIn(queues.dlqUrl()), stack.messagesIn(queues.queueUrl()));
        }
        return Main.OK;
    }

    private static int seedCount(String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= MAX_SEED) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException(
                "--seed takes a number of dead letters from 1 to " + MAX_SEED + ", not '" + value + "'");
    }

    private Map<String, Object> readRequest(String argument) throws Exception {
        String text = argument.trim();
        if (!text.startsWith("{")) {
            Path file = Path.of(argument);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("'" + argument + "' is neither request JSON nor a file; " + USAGE);
            }
            text = Files.readString(file);
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException notJson) {
            throw new UsageException(
                    "the request is not a JSON object (" + notJson.getOriginalMessage() + "); " + USAGE);
        }
    }

    private void seed(LocalServers stack, LocalServers.Queues queues, int count) throws Exception {
        BucketNotifications notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());
        for (int i = 1; i <= count; i++) {
            String body =
                    notifications.body("ObjectCreated:Put", MISSING_BUCKET, "seed/document " + i + ".txt", 100L, null);
            stack.sqs().sendMessage(send -> send.queueUrl(queues.queueUrl()).messageBody(body));
        }
        System.err.printf(
                "seeding: %d S3 events for s3://%s/seed/, a bucket that does not exist, until they fail %d times%n",
                count, MISSING_BUCKET, MAX_RECEIVE_COUNT);
        IngestConfig config = IngestConfig.fromEnv(stack.ingestEnvironment(queues));
        try (IngestComponents ingest = IngestComponents.create(config, new LoggingObserver());
                EventSourcePoller poller = new EventSourcePoller(
                        stack.sqs(),
                        queues.queueUrl(),
                        queues.queueArn(),
                        ingest.handler(),
                        10,
                        1,
                        FUNCTION_TIMEOUT_MILLIS)) {
            awaitTrue(() -> stack.messagesIn(queues.dlqUrl()) == count && stack.messagesIn(queues.queueUrl()) == 0);
        }
        System.err.printf("seeded: %d messages in the DLQ%n", count);
    }

    private static boolean moveTaskRunning(Redrive redrive) {
        List<?> tasks = (List<?>) redrive.run(new RedriveRequest.Status(), () -> FUNCTION_TIMEOUT_MILLIS)
                .get("tasks");
        return tasks.stream().anyMatch(task -> "RUNNING".equals(((Map<?, ?>) task).get("status")));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the local stack did not get there within " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
