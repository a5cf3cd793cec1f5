package io.docindexer.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.batch.ObjectSummary;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordReport;
import io.docindexer.config.IngestConfig;
import io.docindexer.config.RedriveConfig;
import io.docindexer.deploy.CloudFormationYaml;
import io.docindexer.extract.TextPdfs;
import io.docindexer.index.OpenSearchHttp;
import io.docindexer.ingest.IngestComponents;
import io.docindexer.local.Await;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.Closer;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalContext;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.local.SqsLambdaEvents;
import io.docindexer.redrive.RedriveComponents;
import io.docindexer.redrive.RedriveHandler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The IAM grants of template.yaml, proven against the code. ElasticMQ and S3Proxy check no
 * permissions, so every AWS call and OpenSearch request the functions make is recorded
 * ({@link AwsCallRecorder}, {@link OpenSearchRecorder}) and checked against what the template
 * grants the function that made it ({@link IamPolicyCheck}). The first test drives every code path
 * that calls AWS; the second checks everything recorded in this JVM, which is why the class runs
 * after every other one (junit-platform.properties orders classes by {@link Order}).
 */
@ExtendWith(LocalServersExtension.class)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IamPolicyIT {

    private static final Path TEMPLATE = Path.of(System.getProperty("user.dir"), "template.yaml");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String COLLECTION_ARN = "arn:aws:aoss:us-east-1:000000000000:collection/docindexer";
    private static final String DOMAIN_ARN = "arn:aws:es:us-east-1:000000000000:domain/existing";
    private static final List<TemplateVariant> VARIANTS = List.of(
            TemplateVariant.defaults(),
            new TemplateVariant(
                    "an existing serverless collection",
                    Map.of(
                            "OpenSearchEndpoint", "https://docindexer.us-east-1.aoss.amazonaws.com",
                            "OpenSearchService", "aoss",
                            "OpenSearchResourceArn", COLLECTION_ARN),
                    COLLECTION_ARN),
            new TemplateVariant(
                    "an existing domain",
                    Map.of(
                            "OpenSearchEndpoint",
                            "https://search-existing.us-east-1.es.amazonaws.com",
                            "OpenSearchResourceArn",
                            DOMAIN_ARN),
                    DOMAIN_ARN));

    private final String run = "iam-" + UUID.randomUUID().toString().substring(0, 8);
    private final Queue<RecordReport> reports = new ConcurrentLinkedQueue<>();

    @AutoClose
    private final Closer toClose = new Closer();

    @Test
    @Order(1)
    void theWorkloadMakesEveryKindOfCallTheFunctionsMake(LocalServers stack) throws Exception {
        int mark = RecordedCalls.count();
        LocalServers.Queues queues = stack.createQueues(run, 30, 5);
        Map<String, String> environment = new HashMap<>(stack.ingestEnvironment(queues));
        // One scanned page per range, so that a two-page scan is read by page-range tasks.
        environment.put(IngestConfig.PAGES_PER_RANGE, "1");
        IngestComponents ingest = IngestComponents.create(IngestConfig.fromEnv(environment), reports::add);
        toClose.add(ingest);
        BucketNotifications notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());

        // note.txt comes a second time, in one batch with report.pdf: a redelivered record runs alone
        // after the fresh ones, so the handler deletes report.pdf's message itself, before the batch ends.
        upload(stack, run + "/note.txt", ("a note " + run).getBytes(StandardCharsets.UTF_8));
        notifications.objectCreated(LocalServers.BUCKET, run + "/note.txt", head(stack, run + "/note.txt"));
        Message seenBefore = receive(stack, queues, 1).get(0);
        stack.sqs()
                .changeMessageVisibility(request -> request.queueUrl(queues.queueUrl())
                        .receiptHandle(seenBefore.receiptHandle())
                        .visibilityTimeout(0));
        upload(stack, run + "/report.pdf", TextPdfs.onePage("quarterly report " + run));
        notifications.objectCreated(LocalServers.BUCKET, run + "/report.pdf", head(stack, run + "/report.pdf"));
        invoke(stack, queues, ingest, receive(stack, queues, 2), new LocalContext(60_000));
        backOffWhileTheIndexIsBlocked(stack, queues, notifications);

        String longKey = run + "/three pages.pdf";
        upload(
                stack,
                longKey,
                TextPdfs.pages(List.of(
                        List.of("first page " + run), List.of("second page " + run), List.of("third page " + run))));
        notifications.objectCreated(LocalServers.BUCKET, longKey, head(stack, longKey));
        // Time to start the record and read one page: it saves a checkpoint and continues in a new message.
        invoke(stack, queues, ingest, receive(stack, queues, 1), new RunningOutOfTime(2));

        // Its page-range tasks go back to the queue and meet in the cache bucket.
        String scanKey = run + "/two-page scan.pdf";
        upload(stack, scanKey, twoPageScan());
        notifications.objectCreated(LocalServers.BUCKET, scanKey, head(stack, scanKey));
        send(
                stack,
                queues.queueUrl(),
                notifications.body("ObjectRemoved:Delete", LocalServers.BUCKET, run + "/old.pdf", null, null));
        // Deleted before it was read: S3 must answer 404, not 403, for the record to count as done.
        send(
                stack,
                queues.queueUrl(),
                notifications.body("ObjectCreated:Put", LocalServers.BUCKET, run + "/gone.txt", 10L, "0f0f"));
        send(stack, queues.queueUrl(), "not an S3 event " + run);
        // report.pdf replaced: the new version's write deletes the old version's thumbnail.
        upload(stack, run + "/report.pdf", TextPdfs.onePage("quarterly report, revised " + run));
        notifications.objectCreated(LocalServers.BUCKET, run + "/report.pdf", head(stack, run + "/report.pdf"));
        toClose.add(new EventSourcePoller(
                stack.sqs(), queues.queueUrl(), queues.queueArn(), ingest.handler(), 10, 1, 60_000));

        Await.until(
                PATIENCE,
                "the ingest workload",
                () -> stack.messagesIn(queues.queueUrl()) == 0
                        && stack.messagesIn(queues.dlqUrl()) == 1
                        && longDocumentIndexed(longKey)
                        && scanCompleted(scanKey));

        redriveEveryWay(stack, queues, notifications);

        List<RecordedCall> calls = RecordedCalls.since(mark);
        assertThat(needs(calls, DeployedFunction.INGEST))
                .contains(
                        new Permission("sqs:SendMessage", queues.queueArn()),
                        new Permission("sqs:SendMessage", queues.dlqArn()),
                        new Permission("sqs:DeleteMessage", queues.queueArn()),
                        new Permission("sqs:GetQueueUrl", queues.queueArn()),
                        new Permission("sqs:ChangeMessageVisibility", queues.queueArn()),
                        new Permission("s3:GetObject", "arn:aws:s3:::" + LocalServers.BUCKET + "/" + longKey),
                        new Permission("s3:ListBucket", "arn:aws:s3:::" + LocalServers.BUCKET),
                        new Permission("s3:ListBucket", "arn:aws:s3:::" + LocalServers.CACHE_BUCKET),
                        new Permission("s3:ListBucket", "arn:aws:s3:::" + LocalServers.THUMBNAIL_BUCKET));
        String thumbnails = "arn:aws:s3:::" + LocalServers.THUMBNAIL_BUCKET + "/thumbnails/";
        assertThat(needs(calls, DeployedFunction.INGEST))
                .anySatisfy(permission -> assertThat(permission)
                        .satisfies(p -> assertThat(p.action()).isEqualTo("s3:PutObject"))
                        .satisfies(p -> assertThat(p.resource()).startsWith(thumbnails)))
                .anySatisfy(permission -> assertThat(permission)
                        .satisfies(p -> assertThat(p.action()).isEqualTo("s3:DeleteObject"))
                        .satisfies(p -> assertThat(p.resource()).startsWith(thumbnails)));
        assertThat(needs(calls, DeployedFunction.INGEST)).anySatisfy(permission -> {
            assertThat(permission.action()).isEqualTo("s3:PutObject");
            assertThat(permission.resource()).startsWith("arn:aws:s3:::" + LocalServers.CACHE_BUCKET + "/extractions/");
        });
        assertThat(operations(calls, DeployedFunction.INGEST))
                .contains(
                        "S3.GetObject",
                        "S3.PutObject",
                        "S3.ListObjectsV2",
                        "S3.DeleteObject",
                        "OpenSearch PUT /_index_template/" + LocalServers.INDEX,
                        "OpenSearch PUT /_scripts/" + LocalServers.INDEX + "-search",
                        "OpenSearch PUT /" + LocalServers.INDEX + "-v2/_mapping",
                        "OpenSearch POST /_bulk",
                        // The entry sweep after each applied bulk (tombstones entries of overwritten containers).
                        "OpenSearch POST /" + LocalServers.INDEX + "-v2/_update_by_query");
        assertThat(operations(calls, DeployedFunction.REDRIVE))
                .contains(
                        "Sqs.StartMessageMoveTask",
                        "Sqs.ListMessageMoveTasks",
                        "Sqs.CancelMessageMoveTask",
                        "Sqs.ReceiveMessage",
                        "Sqs.SendMessage",
                        "Sqs.DeleteMessage",
                        "Sqs.ChangeMessageVisibilityBatch");
    }

    @Test
    @Order(2)
    void everyCallRecordedInThisRunIsAllowedByTheTemplateToTheFunctionThatMadeIt() throws Exception {
        Map<String, Object> template = CloudFormationYaml.load(TEMPLATE);
        List<RecordedCall> calls = RecordedCalls.all();
        assertThat(calls)
                .as("recorded calls: none means the recorders are not installed")
                .isNotEmpty();
        List<String> failures = new ArrayList<>();
        Set<String> unused = new LinkedHashSet<>();
        for (TemplateVariant variant : VARIANTS) {
            IamPolicyCheck.Findings findings = new IamPolicyCheck(template, variant).check(calls);
            failures.addAll(findings.failures());
            findings.unused().forEach(statement -> unused.add(statement.toString()));
        }

        System.out.println("IAM check: " + calls.size() + " calls recorded; statements or actions no call used"
                + " (Lambda itself and the event source mapping use some):");
        unused.forEach(statement -> System.out.println("  " + statement));
        assertThat(failures).as("calls the template's policies do not allow").isEmpty();
    }

    /**
     * A record whose index is blocked read-only (the disk flood-stage watermark's block) is backed
     * off: hidden with ChangeMessageVisibility, then reported as a batch item failure. The index
     * is one of its own, so that no other test sees the block.
     */
    private void backOffWhileTheIndexIsBlocked(
            LocalServers stack, LocalServers.Queues queues, BucketNotifications notifications) throws Exception {
        Map<String, String> environment = new HashMap<>(stack.ingestEnvironment(queues));
        environment.put(IngestConfig.INDEX_NAME, run);
        IngestComponents blocked = IngestComponents.create(IngestConfig.fromEnv(environment), reports::add);
        toClose.add(blocked);
        OpenSearchHttp openSearch = new OpenSearchHttp(stack.openSearchEndpoint());
        openSearch.put("/" + run + "/_settings", "{\"index.blocks.read_only_allow_delete\": true}");
        notifications.objectCreated(LocalServers.BUCKET, run + "/note.txt", head(stack, run + "/note.txt"));
        List<Message> messages = receive(stack, queues, 1);

        ByteArrayOutputStream response = new ByteArrayOutputStream();
        blocked.handler()
                .handleRequest(
                        new ByteArrayInputStream(SqsLambdaEvents.event(messages, queues.queueArn())),
                        response,
                        new LocalContext(60_000));

        assertThat(SqsLambdaEvents.failedMessageIds(response.toByteArray()))
                .containsExactly(messages.get(0).messageId());
        assertThat(reports)
                .anySatisfy(report -> assertThat(report.outcome()).isInstanceOf(RecordOutcome.BackedOff.class));
        openSearch.put("/" + run + "/_settings", "{\"index.blocks.read_only_allow_delete\": null}");
        // note.txt is already indexed; what is left of this step would only get in the next one's way.
        stack.sqs()
                .deleteMessage(request -> request.queueUrl(queues.queueUrl())
                        .receiptHandle(messages.get(0).receiptHandle()));
    }

    /** The redrive function's four modes: selective (matching and not), all, status and cancel. */
    private void redriveEveryWay(LocalServers stack, LocalServers.Queues queues, BucketNotifications notifications) {
        String movePrefix = run + "/move/";
        for (String key : List.of(movePrefix + "a.txt", movePrefix + "b.txt")) {
            send(stack, queues.dlqUrl(), notifications.body("ObjectCreated:Put", LocalServers.BUCKET, key, 1L, "0a"));
        }
        // Enough left behind that a move task at one message a second is still running when it is cancelled.
        for (int i = 0; i < 20; i++) {
            send(
                    stack,
                    queues.dlqUrl(),
                    notifications.body("ObjectCreated:Put", LocalServers.BUCKET, run + "/keep/" + i, 1L, "0b"));
        }
        RedriveComponents redrive = RedriveComponents.create(RedriveConfig.fromEnv(stack.redriveEnvironment(queues)));
        toClose.add(redrive);
        RedriveHandler handler = redrive.handler();

        Map<String, Object> selective = handler.handleRequest(
                Map.of("mode", "selective", "filter", Map.of("keyPrefix", movePrefix)), new LocalContext(60_000));
        Map<String, Object> all =
                handler.handleRequest(Map.of("mode", "all", "maxPerSecond", 1), new LocalContext(60_000));
        handler.handleRequest(Map.of("mode", "status"), new LocalContext(60_000));
        Map<String, Object> cancel = handler.handleRequest(Map.of("mode", "cancel"), new LocalContext(60_000));

        assertThat(selective).containsEntry("moved", 2).containsEntry("failed", 0);
        assertThat(all).containsKey("taskHandle");
        assertThat(cancel).containsEntry("cancelled", true);
    }

    /** Receives exactly {@code count} messages, hiding them as Lambda's event source does for an invocation. */
    private static List<Message> receive(LocalServers stack, LocalServers.Queues queues, int count)
            throws InterruptedException {
        List<Message> received = new ArrayList<>();
        Await.until(PATIENCE, count + " messages", () -> {
            received.addAll(stack.sqs()
                    .receiveMessage(request -> request.queueUrl(queues.queueUrl())
                            .maxNumberOfMessages(count - received.size())
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All"))
                    .messages());
            return received.size() == count;
        });
        return received;
    }

    /**
     * Runs the handler once on these messages as Lambda would with this context, then deletes them
     * as its event source does with records not in batchItemFailures (the handler may have already).
     */
    private static void invoke(
            LocalServers stack,
            LocalServers.Queues queues,
            IngestComponents ingest,
            List<Message> messages,
            Context context)
            throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        ingest.handler()
                .handleRequest(
                        new ByteArrayInputStream(SqsLambdaEvents.event(messages, queues.queueArn())),
                        response,
                        context);
        assertThat(SqsLambdaEvents.failedMessageIds(response.toByteArray())).isEmpty();
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Message message : messages) {
            entries.add(DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(entries.size()))
                    .receiptHandle(message.receiptHandle())
                    .build());
        }
        stack.sqs()
                .deleteMessageBatch(
                        request -> request.queueUrl(queues.queueUrl()).entries(entries));
    }

    private boolean longDocumentIndexed(String key) {
        return reports.stream()
                .flatMap(report -> report.objects().stream())
                .anyMatch(object -> object.key().equals(key) && object.pages() == 3);
    }

    /** Read partially, then completed by its page-range tasks. */
    private boolean scanCompleted(String key) {
        Set<ObjectStatus> statuses = reports.stream()
                .flatMap(report -> report.objects().stream())
                .filter(object -> object.key().equals(key))
                .map(ObjectSummary::status)
                .collect(Collectors.toSet());
        return statuses.containsAll(Set.of(ObjectStatus.PARTIAL, ObjectStatus.INDEXED));
    }

    /** Two pages that each draw a blank picture and have no text layer: scans with nothing to read. */
    private static byte[] twoPageScan() throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PDImageXObject blank = LosslessFactory.createFromImage(
                    document, new BufferedImage(100, 140, BufferedImage.TYPE_BYTE_GRAY));
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage(PDRectangle.A6);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(blank, 0, 0, PDRectangle.A6.getWidth(), PDRectangle.A6.getHeight());
                }
            }
            document.save(pdf);
            return pdf.toByteArray();
        }
    }

    private static Set<Permission> needs(List<RecordedCall> calls, DeployedFunction function) {
        Set<Permission> needs = new LinkedHashSet<>();
        calls.stream()
                .filter(call -> call.function() == function && call instanceof RecordedCall.Aws)
                .forEach(call -> needs.addAll(((RecordedCall.Aws) call).needs()));
        return needs;
    }

    private static Set<String> operations(List<RecordedCall> calls, DeployedFunction function) {
        Set<String> operations = new LinkedHashSet<>();
        calls.stream().filter(call -> call.function() == function).forEach(call -> operations.add(call.operation()));
        return operations;
    }

    private static void upload(LocalServers stack, String key, byte[] content) {
        stack.s3().putObject(request -> request.bucket(LocalServers.BUCKET).key(key), RequestBody.fromBytes(content));
    }

    private static HeadObjectResponse head(LocalServers stack, String key) {
        return stack.s3()
                .headObject(request -> request.bucket(LocalServers.BUCKET).key(key));
    }

    private static void send(LocalServers stack, String queueUrl, String body) {
        stack.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    }
}
