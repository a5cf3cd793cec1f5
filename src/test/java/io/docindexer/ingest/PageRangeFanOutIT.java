package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.DocumentId;
import io.docindexer.index.MatchingPage;
import io.docindexer.index.OpenSearchHttp;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.Closer;
import io.docindexer.local.LocalContext;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.local.SqsLambdaEvents;
import io.docindexer.ocr.RenderedText;
import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A big scan read by page-range tasks on the real servers, one delivery at a time so that each
 * step's state can be checked: the S3 event indexes the file without its scanned pages and sends
 * a task per range; a range's pages are found as soon as it is done; two ranges read at once
 * complete the file; a delete in the middle leaves nothing behind.
 */
@ExtendWith(LocalServersExtension.class)
class PageRangeFanOutIT {

    /** One word per page, none of which is on any other page. */
    private static final List<String> WORDS = List.of("walrus", "falcon", "badger", "heron", "otter", "beaver");

    private static final int PAGES_PER_RANGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    private final Closer toClose = new Closer();

    @Test
    void rangesRunSideBySideAndEachIsFoundAsSoonAsItIsRead(LocalServers stack) throws Exception {
        Delivery delivery = new Delivery(stack, "ranges-");
        String key = "scans/" + UUID.randomUUID() + "/big scan.pdf";
        delivery.upload(key);

        delivery.deliver(1);

        JsonNode partial = delivery.stored(key);
        assertThat(partial.path("status").asText()).isEqualTo("partial");
        assertThat(partial.path("pages").asInt()).isEqualTo(WORDS.size());
        assertThat(partial.path("pageTexts")).isEmpty();
        assertThat(delivery.waiting()).as("one task per range of two pages").isEqualTo(3);
        assertThat(delivery.pagesFound(key, "walrus")).isEmpty();

        delivery.deliver(1);

        JsonNode oneRange = delivery.stored(key);
        assertThat(oneRange.path("status").asText()).isEqualTo("partial");
        List<Integer> read = oneRange.path("pageTexts").findValuesAsText("number").stream()
                .map(Integer::parseInt)
                .toList();
        assertThat(read).hasSize(PAGES_PER_RANGE);
        for (int page : read) {
            assertThat(delivery.pagesFound(key, WORDS.get(page - 1))).containsExactly(page);
        }

        delivery.deliverSideBySide(2);

        JsonNode complete = delivery.stored(key);
        assertThat(complete.path("status").asText()).isEqualTo("indexed");
        assertThat(complete.path("ocrPages").asInt()).isEqualTo(WORDS.size());
        for (int page = 1; page <= WORDS.size(); page++) {
            assertThat(delivery.pagesFound(key, WORDS.get(page - 1)))
                    .as(WORDS.get(page - 1))
                    .containsExactly(page);
        }
        assertThat(delivery.waiting()).isZero();
        assertThat(delivery.deadLettered()).isZero();
    }

    @Test
    void aDeleteWhileRangesAreOutstandingLeavesNothing(LocalServers stack) throws Exception {
        Delivery delivery = new Delivery(stack, "ranges-delete-");
        String key = "scans/" + UUID.randomUUID() + "/withdrawn scan.pdf";
        delivery.upload(key);
        delivery.deliver(1);
        delivery.deliver(1);
        assertThat(delivery.stored(key).path("pageTexts")).hasSize(PAGES_PER_RANGE);

        delivery.delete(key);
        delivery.deliver(1);
        delivery.deliverSideBySide(2);

        JsonNode stored = delivery.stored(key);
        assertThat(stored.path("deleted").asBoolean()).isTrue();
        assertThat(stored.path("pageTexts").isMissingNode()
                        || stored.path("pageTexts").isEmpty())
                .isTrue();
        for (String word : WORDS) {
            assertThat(delivery.pagesFound(key, word)).as(word).isEmpty();
        }
        assertThat(delivery.waiting()).isZero();
        assertThat(delivery.deadLettered()).isZero();
    }

    /** The function and its queue, with deliveries made by hand, each a batch of the messages waiting first. */
    private final class Delivery {

        private final LocalServers stack;
        private final LocalServers.Queues queues;
        private final IngestComponents components;
        private final BucketNotifications notifications;

        Delivery(LocalServers stack, String name) {
            this.stack = stack;
            this.queues = stack.createQueues(name + UUID.randomUUID(), 120, 5);
            Map<String, String> environment = new HashMap<>(stack.ingestEnvironment(queues));
            environment.put(IngestConfig.PAGES_PER_RANGE, Integer.toString(PAGES_PER_RANGE));
            this.components = IngestComponents.create(IngestConfig.fromEnv(environment));
            toClose.add(components);
            this.notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());
        }

        void upload(String key) throws Exception {
            stack.s3().putObject(request -> request.bucket(LocalServers.BUCKET).key(key), RequestBody.fromFile(scan()));
            notifications.objectCreated(
                    LocalServers.BUCKET,
                    key,
                    stack.s3().headObject(r -> r.bucket(LocalServers.BUCKET).key(key)));
        }

        void delete(String key) {
            stack.s3()
                    .deleteObject(request -> request.bucket(LocalServers.BUCKET).key(key));
            String body = notifications.body("ObjectRemoved:Delete", LocalServers.BUCKET, key, null, null);
            stack.sqs()
                    .sendMessage(request -> request.queueUrl(queues.queueUrl()).messageBody(body));
        }

        /** One invocation with up to {@code max} of the messages waiting, as Lambda's poller makes it. */
        void deliver(int max) throws Exception {
            List<Message> messages = stack.sqs()
                    .receiveMessage(request -> request.queueUrl(queues.queueUrl())
                            .maxNumberOfMessages(max)
                            .waitTimeSeconds(5)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All"))
                    .messages();
            assertThat(messages).as("messages waiting").isNotEmpty();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            components
                    .handler()
                    .handleRequest(
                            new ByteArrayInputStream(SqsLambdaEvents.event(messages, queues.queueArn())),
                            response,
                            new LocalContext(120_000));
            Set<String> failed = SqsLambdaEvents.failedMessageIds(response.toByteArray());
            assertThat(failed).as("records the function reported failed").isEmpty();
            // Deleted as the poller deletes a successful batch (the handler may have deleted some already).
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

        /** {@code invocations} deliveries of one message each, started together. */
        void deliverSideBySide(int invocations) throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int i = 0; i < invocations; i++) {
                running.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                        deliver(1);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        }

        JsonNode stored(String key) throws Exception {
            components.index().refresh();
            return JSON.readTree(new OpenSearchHttp(stack.openSearch().endpoint())
                            .get("/" + LocalServers.INDEX + "/_doc/" + DocumentId.of(LocalServers.BUCKET, key)))
                    .path("_source");
        }

        /** The pages a search for the word names in the file, none if the file is not found. */
        List<Integer> pagesFound(String key, String word) {
            components.index().refresh();
            return components.index().search(word, 20).stream()
                    .filter(hit -> hit.key().equals(key))
                    .flatMap(hit -> hit.pages().stream())
                    .map(MatchingPage::number)
                    .toList();
        }

        int waiting() {
            return stack.messagesIn(queues.queueUrl());
        }

        int deadLettered() {
            return stack.messagesIn(queues.dlqUrl());
        }
    }

    /** A page per word, each a picture of its text with no text layer, as a scanner makes them. */
    private static Path scan() throws Exception {
        Path file = Files.createTempFile("big-scan-", ".pdf");
        file.toFile().deleteOnExit();
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < WORDS.size(); i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                var image = LosslessFactory.createFromImage(
                        document,
                        RenderedText.render(
                                "Ledger page " + (i + 1) + "\nDelivery of one " + WORDS.get(i),
                                new Font(Font.SANS_SERIF, Font.PLAIN, 40)));
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, PDRectangle.A4.getHeight() - 300, PDRectangle.A4.getWidth(), 300);
                }
            }
            document.save(file.toFile());
        }
        return file;
    }
}
