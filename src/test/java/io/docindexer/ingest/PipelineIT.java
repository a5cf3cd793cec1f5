package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.RecordOutcome;
import io.docindexer.batch.RecordReport;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.DocumentId;
import io.docindexer.index.MatchingPage;
import io.docindexer.index.OpenSearchHttp;
import io.docindexer.index.SearchHit;
import io.docindexer.local.Await;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.Closer;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.ocr.Corpus;
import io.docindexer.ocr.RenderedText;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The whole path on real servers: S3 upload, S3 notification on SQS, the poller, the handler, OpenSearch. */
@ExtendWith(LocalServersExtension.class)
class PipelineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Queue<RecordReport> reports = new ConcurrentLinkedQueue<>();

    @AutoClose
    private final Closer toClose = new Closer();

    @Test
    void aPdfUploadedToS3IsFoundInOpenSearchThroughTheQueueAndThePoller(LocalServers stack) throws Exception {
        LocalServers.Queues queues = stack.createQueues("pipeline-" + UUID.randomUUID(), 30, 5);
        IngestComponents components = ingest(stack, queues);
        String key = "it/" + UUID.randomUUID() + "/minimal document+v1.pdf";
        upload(stack, key, Corpus.file("pdf/minimal-document.pdf"));

        notifyAndPoll(stack, queues, components, key);

        awaitFound(components, "Lorem ipsum dolor", key);
        Await.until(Duration.ofSeconds(10), "the pipeline", () -> stack.messagesIn(queues.queueUrl()) == 0);
    }

    @Test
    void inABatchOfFiveOnlyTheRecordThatFailedIsRedeliveredAndItEndsInTheDeadLetterQueue(LocalServers stack)
            throws Exception {
        int maxReceiveCount = 3;
        LocalServers.Queues queues = stack.createQueues("partial-" + UUID.randomUUID(), 2, maxReceiveCount);
        IngestComponents components = ingest(stack, queues);
        BucketNotifications notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());
        String run = UUID.randomUUID().toString();
        List<String> bodies = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String key = "it/" + run + "/note " + i + ".txt";
            stack.s3()
                    .putObject(
                            r -> r.bucket(LocalServers.BUCKET).key(key),
                            RequestBody.fromString("partial batch " + run + " note number " + i));
            bodies.add(notifications.body("ObjectCreated:Put", LocalServers.BUCKET, key, 30L, null));
        }
        // A bucket the function cannot read: S3 says NoSuchBucket on every attempt.
        String poison = notifications.body("ObjectCreated:Put", "no-such-bucket-" + run, "lost.txt", 10L, null);
        bodies.add(2, poison);
        sendAsOneBatch(stack, queues.queueUrl(), bodies);

        poll(stack, queues, components);

        Await.until(Duration.ofSeconds(60), "the pipeline", () -> stack.messagesIn(queues.dlqUrl()) == 1);
        Await.until(Duration.ofSeconds(10), "the pipeline", () -> stack.messagesIn(queues.queueUrl()) == 0);
        assertThat(search(components, run)).hasSize(4);

        Map<String, List<RecordReport>> byMessage = new HashMap<>();
        reports.forEach(report -> byMessage
                .computeIfAbsent(report.outcome().messageId(), id -> new ArrayList<>())
                .add(report));
        assertThat(byMessage).hasSize(5);
        List<List<RecordReport>> attempts = new ArrayList<>(byMessage.values());
        assertThat(attempts)
                .filteredOn(list -> list.size() == 1)
                .hasSize(4)
                .allSatisfy(list -> assertThat(list.get(0).outcome()).isInstanceOf(RecordOutcome.Done.class));
        assertThat(attempts)
                .filteredOn(list -> list.size() == maxReceiveCount)
                .hasSize(1)
                .allSatisfy(list -> assertThat(list)
                        .allSatisfy(report -> assertThat(report.outcome()).isInstanceOf(RecordOutcome.Retry.class)));
        String inDlq = stack.sqs()
                .receiveMessage(r -> r.queueUrl(queues.dlqUrl()))
                .messages()
                .get(0)
                .body();
        assertThat(inDlq).isEqualTo(poison);
    }

    @Test
    void aJapaneseScanIsReadByOcrAndFoundByAJapaneseQuery(LocalServers stack) throws Exception {
        assumeTrue(RenderedText.japaneseFontInstalled(), "apt-get install fonts-noto-cjk to render the Japanese scan");
        LocalServers.Queues queues = stack.createQueues("japanese-" + UUID.randomUUID(), 30, 5);
        IngestComponents components = ingest(stack, queues);
        String key = "scans/" + UUID.randomUUID() + "/請求書スキャン.png";
        BufferedImage scan = RenderedText.render(
                "請求書\n東京都千代田区丸の内一丁目\nご請求金額は十二万円です", new Font(RenderedText.JAPANESE_FONT, Font.PLAIN, 40));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(scan, "png", png);
        stack.s3().putObject(r -> r.bucket(LocalServers.BUCKET).key(key), RequestBody.fromBytes(png.toByteArray()));

        notifyAndPoll(stack, queues, components, key);

        awaitFound(components, "千代田区", key);
        assertThat(reports)
                .anySatisfy(report -> assertThat(report.objects())
                        .singleElement()
                        .satisfies(object -> assertThat(object.ocrPages()).isEqualTo(1)));
    }

    @Test
    void aScanTooLongForOneInvocationContinuesThroughContinuationMessagesUntilEveryPageIsIndexed(LocalServers stack)
            throws Exception {
        LocalServers.Queues queues = stack.createQueues("long-" + UUID.randomUUID(), 30, 5);
        // Without page ranges: one message and its continuations read the whole scan.
        Map<String, String> environment = new HashMap<>(stack.ingestEnvironment(queues));
        environment.put(IngestConfig.PAGES_PER_RANGE, "0");
        IngestComponents components = IngestComponents.create(IngestConfig.fromEnv(environment), reports::add);
        toClose.add(components);
        String key = "scans/" + UUID.randomUUID() + "/long scan.pdf";
        int pages = 12;
        upload(stack, key, scannedPdf(Corpus.file("ocr/phototest.tif"), pages));

        new BucketNotifications(stack.sqs(), queues.queueUrl())
                .objectCreated(
                        LocalServers.BUCKET,
                        key,
                        stack.s3().headObject(r -> r.bucket(LocalServers.BUCKET).key(key)));
        // Each invocation has well under a second beyond the handler's safety margin: a few pages at most.
        toClose.add(new EventSourcePoller(
                stack.sqs(),
                queues.queueUrl(),
                queues.queueArn(),
                components.handler(),
                10,
                1,
                (int) IngestHandler.SAFETY_MARGIN_MILLIS + 600));

        Await.until(
                Duration.ofSeconds(120),
                "the pipeline",
                () -> reports.stream()
                        .flatMap(report -> report.objects().stream())
                        .anyMatch(object -> object.key().equals(key) && object.pages() == pages));
        assertThat(reports)
                .anySatisfy(report -> assertThat(report.outcome().detail()).contains("continues in a new message"));
        assertThat(reports).noneSatisfy(report -> assertThat(report.outcome()).isInstanceOf(RecordOutcome.Retry.class));
        Await.until(
                Duration.ofSeconds(30),
                "the pipeline",
                () -> search(components, "quick brown dog").stream()
                        .anyMatch(hit -> hit.key().equals(key)));
        assertThat(stack.messagesIn(queues.dlqUrl())).isZero();
        // The last invocation writes the file once, with the pages of every slice before it.
        JsonNode stored = JSON.readTree(new OpenSearchHttp(stack.openSearch().endpoint())
                .get("/" + LocalServers.INDEX + "/_doc/" + DocumentId.of(LocalServers.BUCKET, key)));
        assertThat(stored.at("/_source/pageTexts").findValuesAsText("number"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, pages)
                        .mapToObj(Integer::toString)
                        .toList());
        assertThat(stored.at("/_source/pageTexts").findValuesAsText("text"))
                .allSatisfy(text -> assertThat(text).contains("quick brown dog"));
    }

    @Test
    void aHitOnTheScannedSecondPageOfAMixedPdfNamesPageTwo(LocalServers stack) throws Exception {
        LocalServers.Queues queues = stack.createQueues("mixed-" + UUID.randomUUID(), 30, 5);
        IngestComponents components = ingest(stack, queues);
        String key = "mixed/" + UUID.randomUUID() + "/letter and scan.pdf";
        upload(stack, key, Corpus.file("pdf/mixed-text-then-scan.pdf"));

        notifyAndPoll(stack, queues, components, key);

        awaitFound(components, "quick brown dog", key);
        assertThat(search(components, "quick brown dog"))
                .filteredOn(hit -> hit.key().equals(key))
                .singleElement()
                .satisfies(hit -> assertThat(hit.pages()).singleElement().satisfies(page -> {
                    assertThat(page.number()).isEqualTo(2);
                    assertThat(page.snippets())
                            .singleElement()
                            .asString()
                            .contains("<em>quick</em> <em>brown</em> <em>dog</em>");
                }));
        assertThat(search(components, "Lorem ipsum dolor"))
                .filteredOn(hit -> hit.key().equals(key))
                .singleElement()
                .satisfies(hit ->
                        assertThat(hit.pages()).extracting(MatchingPage::number).containsExactly(1));
    }

    @Test
    void aJapanesePhraseOnAScannedPageMatchesAndNamesItsPage(LocalServers stack) throws Exception {
        assumeTrue(RenderedText.japaneseFontInstalled(), "apt-get install fonts-noto-cjk to render the Japanese scan");
        LocalServers.Queues queues = stack.createQueues("japanese-page-" + UUID.randomUUID(), 30, 5);
        IngestComponents components = ingest(stack, queues);
        String key = "contracts/" + UUID.randomUUID() + "/送付状と請求書.pdf";
        BufferedImage scan = RenderedText.render(
                "請求書\n東京都千代田区丸の内一丁目\nご請求金額は十二万円です", new Font(RenderedText.JAPANESE_FONT, Font.PLAIN, 40));
        upload(stack, key, textPageThenScan("Cover letter: the invoice follows on the next page.", scan));

        notifyAndPoll(stack, queues, components, key);

        awaitFound(components, "千代田区丸の内", key);
        SearchHit hit = search(components, "千代田区丸の内").stream()
                .filter(found -> found.key().equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(hit.pages()).first().satisfies(page -> {
            assertThat(page.number()).isEqualTo(2);
            assertThat(page.snippets()).singleElement().asString().contains("<em>");
        });
        assertThat(hit.score())
                .as("the phrase bonus: the words stand together on the page")
                .isGreaterThan(100);
    }

    /** A two-page PDF: {@code text} on a page with a text layer, then {@code scan} on a page without one. */
    private static Path textPageThenScan(String text, BufferedImage scan) throws Exception {
        Path file = Files.createTempFile("text-then-scan-", ".pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage first = new PDPage(PDRectangle.A4);
            document.addPage(first);
            try (PDPageContentStream content = new PDPageContentStream(document, first)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            PDPage second = new PDPage(PDRectangle.A4);
            document.addPage(second);
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            // As a 150 dpi scan would place it: its own proportions, from the top of the page.
            float width = scan.getWidth() * 72f / 150;
            float height = scan.getHeight() * 72f / 150;
            try (PDPageContentStream content = new PDPageContentStream(document, second)) {
                content.drawImage(image, 36, PDRectangle.A4.getHeight() - 36 - height, width, height);
            }
            document.save(file.toFile());
        }
        file.toFile().deleteOnExit();
        return file;
    }

    /** A PDF of {@code pages} pages, each the given scan, with no text layer. */
    private static Path scannedPdf(Path image, int pages) throws Exception {
        Path file = Files.createTempFile("long-scan-", ".pdf");
        try (PDDocument document = new PDDocument()) {
            PDImageXObject scan = PDImageXObject.createFromFileByContent(image.toFile(), document);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(scan, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            document.save(file.toFile());
        }
        file.toFile().deleteOnExit();
        return file;
    }

    private IngestComponents ingest(LocalServers stack, LocalServers.Queues queues) {
        IngestComponents components =
                IngestComponents.create(IngestConfig.fromEnv(stack.ingestEnvironment(queues)), reports::add);
        toClose.add(components);
        return components;
    }

    /** Sends the object's S3 notification and lets the poller hand it to the function. */
    private void notifyAndPoll(
            LocalServers stack, LocalServers.Queues queues, IngestComponents components, String key) {
        new BucketNotifications(stack.sqs(), queues.queueUrl())
                .objectCreated(
                        LocalServers.BUCKET,
                        key,
                        stack.s3().headObject(r -> r.bucket(LocalServers.BUCKET).key(key)));
        poll(stack, queues, components);
    }

    private static void awaitFound(IngestComponents components, String query, String key) throws InterruptedException {
        Await.until(
                Duration.ofSeconds(60),
                "the pipeline",
                () -> search(components, query).stream()
                        .anyMatch(hit -> hit.key().equals(key)));
    }

    private void poll(LocalServers stack, LocalServers.Queues queues, IngestComponents components) {
        toClose.add(new EventSourcePoller(
                stack.sqs(),
                queues.queueUrl(),
                queues.queueArn(),
                new IngestHandler(components.processor()),
                10,
                1,
                60_000));
    }

    private static void upload(LocalServers stack, String key, Path file) {
        stack.s3().putObject(r -> r.bucket(LocalServers.BUCKET).key(key), RequestBody.fromFile(file));
    }

    private static void sendAsOneBatch(LocalServers stack, String queueUrl, List<String> bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id("e" + i)
                    .messageBody(bodies.get(i))
                    .build());
        }
        stack.sqs().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    }

    private static List<SearchHit> search(IngestComponents components, String query) {
        components.index().refresh();
        return components.index().search(query, 20);
    }
}
