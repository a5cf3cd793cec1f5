package io.docindexer.cli;

import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordReport;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.SearchHit;
import io.docindexer.ingest.IngestComponents;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.thumbnail.ThumbnailKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The main job on the local stack: uploads a folder (samples/ unless told) to S3, sends the S3
 * notifications through SQS, lets the poller drive the ingest handler, then shows what happened to
 * each file and runs the searches.
 */
final class DemoCommand {

    private static final Duration PATIENCE = Duration.ofMinutes(5);
    static final Path THUMBNAILS = Path.of("target", "demo", "thumbnails");

    private final PrintStream out;

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws Exception {
        DemoArguments arguments = DemoArguments.parse(args);
        List<Path> files = arguments.folder().files();
        out.println("Starting the local stack: ElasticMQ, S3Proxy and OpenSearch (about 30 s)...");
        try (LocalServers stack = LocalServers.start()) {
            LocalServers.Queues queues = stack.createQueues(LocalServers.QUEUE, 60, 5);
            Map<String, RecordReport> reports = new ConcurrentHashMap<>();
            IngestConfig config = IngestConfig.fromEnv(stack.ingestEnvironment(queues));
            try (IngestComponents ingest = IngestComponents.create(
                    config, report -> reports.put(report.outcome().messageId(), report))) {
                Map<String, Path> sent = uploadAndNotify(stack, queues, arguments.folder(), files);
                boolean finished;
                try (EventSourcePoller poller = new EventSourcePoller(
                        stack.sqs(),
                        queues.queueUrl(),
                        queues.queueArn(),
                        ingest.handler(),
                        10,
                        Runtime.getRuntime().availableProcessors(),
                        60_000)) {
                    finished = awaitFinalOutcomes(sent.keySet(), reports);
                }
                printTable(arguments.folder(), sent, reports);
                printThumbnails(stack, arguments.folder(), sent.values());
                ingest.index().refresh();
                if (arguments.queries().isEmpty()) {
                    out.printf("%nNo --query given: add --query \"WORDS\" to search what was indexed.%n");
                }
                for (String query : arguments.queries()) {
                    printHits(query, ingest.index().search(query, 5));
                }
                out.println("Stopping the local stack.");
                return finished ? Main.OK : Main.FAILED;
            }
        }
    }

    /** Returns the files by the id of the SQS message that announced them. */
    private Map<String, Path> uploadAndNotify(
            LocalServers stack, LocalServers.Queues queues, DocumentFolder folder, List<Path> files) {
        BucketNotifications notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());
        Map<String, Path> sent = new LinkedHashMap<>();
        for (Path file : files) {
            String key = stack.put(folder.key(file), file);
            String messageId = notifications.objectCreated(
                    LocalServers.BUCKET,
                    key,
                    stack.s3()
                            .headObject(request ->
                                    request.bucket(LocalServers.BUCKET).key(key)));
            sent.put(messageId, file);
        }
        out.printf(
                "Uploaded %d files from %s to s3://%s and sent their S3 notifications to %s%n",
                files.size(), folder.root(), LocalServers.BUCKET, queues.queueUrl());
        return sent;
    }

    private boolean awaitFinalOutcomes(Set<String> messageIds, Map<String, RecordReport> reports)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + PATIENCE.toNanos();
        long done = 0;
        while (System.nanoTime() < deadline) {
            done = messageIds.stream().filter(id -> isFinal(reports.get(id))).count();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    "\r  processed %d/%d documents (%.1f docs/s)",
                    done, messageIds.size(), done / Math.max(seconds, 0.001));
            if (done == messageIds.size()) {
                out.println();
                return true;
            }
            Thread.sleep(250);
        }
        out.printf(
                "%n%d documents were not processed within %s; see the reasons below%n",
                messageIds.size() - done, PATIENCE);
        return false;
    }

    private static boolean isFinal(RecordReport report) {
        return report != null && !(report.outcome() instanceof RecordOutcome.Redelivered);
    }

    private void printTable(DocumentFolder folder, Map<String, Path> sent, Map<String, RecordReport> reports) {
        String format = "%s  %-28s  %5s  %6s  %6s%n";
        out.println();
        out.printf(format, TextColumns.pad("file", 36), "outcome", "pages", "chars", "ms");
        out.printf(format, "-".repeat(36), "-".repeat(28), "-----", "------", "------");
        sent.forEach((messageId, file) -> {
            RecordReport report = reports.get(messageId);
            ObjectSummary object = report == null || report.objects().isEmpty()
                    ? null
                    : report.objects().get(0);
            String outcome = report == null ? "pending" : outcomeOf(report, object);
            out.printf(
                    format,
                    TextColumns.pad(folder.root().relativize(file).toString(), 36),
                    outcome,
                    object == null ? "" : object.pages(),
                    object == null ? "" : object.chars(),
                    object == null ? "" : object.extractMillis());
        });
    }

    /**
     * Each file's thumbnail as the app finds it in the thumbnail bucket, copied to
     * {@link #THUMBNAILS} so it can be opened: PDFs and images have one, text files none.
     */
    private void printThumbnails(LocalServers stack, DocumentFolder folder, Collection<Path> files) throws IOException {
        out.printf("%nthumbnails in s3://%s/, copied to %s/%n", LocalServers.THUMBNAIL_BUCKET, THUMBNAILS);
        for (Path file : files) {
            String key = folder.key(file);
            List<S3Object> stored = stack.s3()
                    .listObjectsV2(request -> request.bucket(LocalServers.THUMBNAIL_BUCKET)
                            .prefix(ThumbnailKeys.folder(LocalServers.BUCKET, key)))
                    .contents();
            String shown = "none";
            if (!stored.isEmpty()) {
                S3Object thumbnail = stored.get(0);
                Path copy = THUMBNAILS.resolve(
                        key + thumbnail.key().substring(thumbnail.key().lastIndexOf('.')));
                Files.createDirectories(copy.getParent());
                Files.write(
                        copy,
                        stack.s3()
                                .getObjectAsBytes(request -> request.bucket(LocalServers.THUMBNAIL_BUCKET)
                                        .key(thumbnail.key()))
                                .asByteArray());
                shown = copy + " (" + Math.round(thumbnail.size() / 1024.0) + " KB)";
            }
            out.printf(
                    "  %s  %s%n", TextColumns.pad(folder.root().relativize(file).toString(), 36), shown);
        }
    }

    private static String outcomeOf(RecordReport report, ObjectSummary object) {
        if (!(report.outcome() instanceof RecordOutcome.Done) || object == null) {
            return report.outcome().getClass().getSimpleName().toLowerCase() + ": "
                    + report.outcome().detail();
        }
        return object.reason() == null
                ? object.status().code()
                : object.status().code() + " (" + object.reason() + ")";
    }

    private void printHits(String query, List<SearchHit> hits) {
        out.printf("%nsearch \"%s\": %d hit%s%n", query, hits.size(), hits.size() == 1 ? "" : "s");
        SearchHitText.print(hits, out);
    }
}
