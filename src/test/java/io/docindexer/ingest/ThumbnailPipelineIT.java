package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.RecordReport;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.DocumentId;
import io.docindexer.index.OpenSearchHttp;
import io.docindexer.local.Await;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.Closer;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.ocr.Corpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Thumbnails through the whole path on real servers: corpus files uploaded to S3Proxy, their
 * notifications on ElasticMQ, the handler with real OCR, OpenSearch naming each thumbnail, and
 * the thumbnail bucket holding exactly the pictures the index names, after a delete and a replace too.
 */
@ExtendWith(LocalServersExtension.class)
class ThumbnailPipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> WITH_THUMBNAILS = List.of(
            "pdf/minimal-document.pdf",
            "pdf/002-trivial-libre-office-writer.pdf",
            "pdf/pdflatex-4-pages.pdf",
            "pdf/google-doc-document.pdf",
            "pdf/multicolumn.pdf",
            "pdf/phototest-scanned.pdf",
            "ocr/phototest.tif",
            "ocr/phototest-rotated-180.png",
            "ocr/eurotext.tif",
            "ocr/8071_093.3B.tif");
    private static final List<String> WITHOUT = List.of("pdf/libreoffice-writer-password.pdf", "ocr/eurotext.txt");

    private final String run = "thumbs-" + UUID.randomUUID().toString().substring(0, 8);
    private final Queue<RecordReport> reports = new ConcurrentLinkedQueue<>();
    private final ObjectMapper json = new ObjectMapper();

    @AutoClose
    private final Closer toClose = new Closer();

    private LocalServers stack;
    private LocalServers.Queues queues;
    private IngestComponents ingest;
    private BucketNotifications notifications;
    private OpenSearchHttp openSearch;

    @BeforeEach
    void start(LocalServers stack) {
        this.stack = stack;
        queues = stack.createQueues(run, 60, 5);
        IngestComponents ingest =
                IngestComponents.create(IngestConfig.fromEnv(stack.ingestEnvironment(queues)), reports::add);
        toClose.add(ingest);
        this.ingest = ingest;
        notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());
        openSearch = new OpenSearchHttp(stack.openSearchEndpoint());
    }

    @Test
    void corpusPdfsAScanAndImagesGetReadableThumbnailsUnder60KilobytesAndOtherFilesNone() throws Exception {
        poll(120_000);
        for (String path : WITH_THUMBNAILS) {
            uploadAndAnnounce(keyOf(path), path);
        }
        for (String path : WITHOUT) {
            uploadAndAnnounce(keyOf(path), path);
        }

        for (String path : WITH_THUMBNAILS) {
            String thumbnailKey = awaitThumbnailKey(keyOf(path));
            ResponseBytes<GetObjectResponse> stored = thumbnail(thumbnailKey);
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored.asByteArray()));
            System.out.printf(
                    "thumbnail of %-40s %s %dx%d %.1f KB%n",
                    path,
                    stored.response().contentType(),
                    picture.getWidth(),
                    picture.getHeight(),
                    stored.asByteArray().length / 1024.0);
            assertThat(Math.max(picture.getWidth(), picture.getHeight()))
                    .as(path)
                    .isBetween(400, 600);
            assertThat(stored.asByteArray().length).as(path).isLessThan(60 * 1024);
            assertThat(stored.response().contentType()).isIn("image/jpeg", "image/png");
            assertThat(thumbnailsOf(keyOf(path))).containsExactly(thumbnailKey);
        }
        for (String path : WITHOUT) {
            JsonNode document = awaitIndexed(keyOf(path));
            assertThat(document.hasNonNull("thumbnailKey")).as(path).isFalse();
            assertThat(thumbnailsOf(keyOf(path))).as(path).isEmpty();
        }
    }

    @Test
    void aDeletedObjectsThumbnailIsGone() throws Exception {
        poll(120_000);
        String key = keyOf("pdf/minimal-document.pdf");
        uploadAndAnnounce(key, "pdf/minimal-document.pdf");
        String thumbnailKey = awaitThumbnailKey(key);
        assertThat(thumbnailsOf(key)).containsExactly(thumbnailKey);

        stack.s3().deleteObject(request -> request.bucket(LocalServers.BUCKET).key(key));
        stack.sqs()
                .sendMessage(request -> request.queueUrl(queues.queueUrl())
                        .messageBody(notifications.body("ObjectRemoved:Delete", LocalServers.BUCKET, key, null, null)));

        Await.until(PATIENCE, "the delete", () -> thumbnailsOf(key).isEmpty());
    }

    @Test
    void aReplacedObjectKeepsOnlyTheNewVersionsThumbnail() throws Exception {
        poll(120_000);
        String key = run + "/replaced.pdf";
        uploadAndAnnounce(key, "pdf/minimal-document.pdf");
        String first = awaitThumbnailKey(key);

        uploadAndAnnounce(key, "pdf/phototest-scanned.pdf");

        Await.until(PATIENCE, "the replacement", () -> {
            String named = indexed(key).path("thumbnailKey").asText(first);
            return !named.equals(first) && thumbnailsOf(key).equals(List.of(named));
        });
    }

    @Test
    void aScanThatContinuesInLaterInvocationsHasExactlyOneThumbnail() throws Exception {
        // Each invocation has well under a second beyond the handler's safety margin: a few pages at most.
        poll((int) IngestHandler.SAFETY_MARGIN_MILLIS + 600);
        String key = run + "/long scan.pdf";
        Path scan = Files.createTempFile(run, ".pdf");
        Files.write(scan, scannedPdf(8));
        stack.s3().putObject(request -> request.bucket(LocalServers.BUCKET).key(key), RequestBody.fromFile(scan));
        notifications.objectCreated(
                LocalServers.BUCKET,
                key,
                stack.s3()
                        .headObject(
                                request -> request.bucket(LocalServers.BUCKET).key(key)));

        String thumbnailKey = awaitThumbnailKey(key);

        assertThat(reports)
                .anySatisfy(report -> assertThat(report.outcome().detail()).contains("continues in a new message"));
        assertThat(thumbnailsOf(key)).containsExactly(thumbnailKey);
        Files.delete(scan);
    }

    /** A PDF of {@code pages} pages, each the corpus scan phototest.tif, with no text layer. */
    private static byte[] scannedPdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDImageXObject scan = PDImageXObject.createFromFileByContent(
                    Corpus.file("ocr/phototest.tif").toFile(), document);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(scan, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void poll(int invocationMillis) {
        toClose.add(new EventSourcePoller(
                stack.sqs(), queues.queueUrl(), queues.queueArn(), ingest.handler(), 10, 1, invocationMillis));
    }

    private String keyOf(String corpusPath) {
        return run + "/" + corpusPath;
    }

    private void uploadAndAnnounce(String key, String corpusPath) {
        stack.s3()
                .putObject(
                        request -> request.bucket(LocalServers.BUCKET).key(key),
                        RequestBody.fromFile(Corpus.file(corpusPath)));
        notifications.objectCreated(
                LocalServers.BUCKET,
                key,
                stack.s3()
                        .headObject(
                                request -> request.bucket(LocalServers.BUCKET).key(key)));
    }

    private String awaitThumbnailKey(String key) throws InterruptedException {
        Await.until(PATIENCE, "a thumbnail for " + key, () -> indexed(key).hasNonNull("thumbnailKey"));
        return indexed(key).get("thumbnailKey").asText();
    }

    private JsonNode awaitIndexed(String key) throws InterruptedException {
        Await.until(PATIENCE, key + " indexed", () -> !indexed(key).isMissingNode());
        return indexed(key);
    }

    /** The stored document's source, or a missing node before it is indexed. */
    private JsonNode indexed(String key) {
        try {
            JsonNode found = json.readTree(openSearch.get(
                    "/" + LocalServers.INDEX + "/_search?q=_id:" + DocumentId.of(LocalServers.BUCKET, key)));
            return found.path("hits").path("hits").path(0).path("_source");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseBytes<GetObjectResponse> thumbnail(String thumbnailKey) {
        return stack.s3()
                .getObjectAsBytes(
                        request -> request.bucket(LocalServers.THUMBNAIL_BUCKET).key(thumbnailKey));
    }

    private List<String> thumbnailsOf(String key) {
        return stack
                .s3()
                .listObjectsV2(request -> request.bucket(LocalServers.THUMBNAIL_BUCKET)
                        .prefix("thumbnails/" + DocumentId.of(LocalServers.BUCKET, key) + "/"))
                .contents()
                .stream()
                .map(S3Object::key)
                .toList();
    }
}
