package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.docindexer.config.IngestConfig;
import io.docindexer.index.SearchFilters;
import io.docindexer.index.SearchHit;
import io.docindexer.index.SearchRequest;
import io.docindexer.local.Await;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.Closer;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.ocr.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A zip and an e-mail with attachments through the whole pipeline (S3, SQS, the handler, the real
 * OpenSearch and its stored search template): each entry is found on its own with its container
 * named; overwriting the zip with fewer entries removes the dropped one from search, and deleting
 * the containers removes every entry.
 */
@ExtendWith(LocalServersExtension.class)
class ContainerIngestIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @AutoClose
    private final Closer toClose = new Closer();

    private final String folder = "containers/" + UUID.randomUUID() + "/";
    private final String zipKey = folder + "documents.zip";
    private final String mailKey = folder + "mail/report with attachments.eml";
    private LocalServers stack;
    private IngestComponents components;
    private BucketNotifications notifications;
    private String queueUrl;

    @BeforeEach
    void startTheFunction(LocalServers stack) {
        this.stack = stack;
        LocalServers.Queues queues = stack.createQueues("containers-" + UUID.randomUUID(), 30, 5);
        components = IngestComponents.create(IngestConfig.fromEnv(stack.ingestEnvironment(queues)), report -> {});
        toClose.add(components);
        toClose.add(new EventSourcePoller(
                stack.sqs(),
                queues.queueUrl(),
                queues.queueArn(),
                new IngestHandler(components.processor()),
                10,
                1,
                60_000));
        notifications = new BucketNotifications(stack.sqs(), queues.queueUrl());
        queueUrl = queues.queueUrl();
    }

    @Test
    void entriesAreFoundWithTheirContainerAndFollowItsOverwriteAndDelete() throws Exception {
        put(zipKey, Files.readAllBytes(Corpus.file("archive/documents.zip")));
        put(mailKey, Files.readAllBytes(Corpus.file("mail/report-with-attachments.eml")));

        SearchHit nested = awaitOnlyHit("turquoise lighthouse", folder);
        assertThat(nested.key()).isEqualTo(zipKey + "!/nested/inner.zip!/inner-note.txt");
        assertThat(nested.container()).isEqualTo(zipKey);
        assertThat(nested.entryPath()).isEqualTo("nested/inner.zip!/inner-note.txt");
        assertThat(nested.fileName()).isEqualTo("inner-note.txt");

        SearchHit attachedPdf = awaitOnlyHit("Lorem ipsum dolor", folder + "mail/");
        assertThat(attachedPdf.key()).isEqualTo(mailKey + "!/report.pdf");
        assertThat(attachedPdf.container()).isEqualTo(mailKey);
        assertThat(attachedPdf.entryPath()).isEqualTo("report.pdf");
        assertThat(attachedPdf.pages()).extracting(page -> page.number()).containsExactly(1);

        // Japanese, in an attachment of each container: the Word minutes in both, the memo in both.
        assertThat(awaitHits("東京本社の会議室", folder, 2))
                .extracting(SearchHit::key, SearchHit::container)
                .containsExactlyInAnyOrder(
                        tuple(zipKey + "!/notes/minutes.docx", zipKey), tuple(mailKey + "!/議事録.docx", mailKey));
        SearchHit body = awaitOnlyHit("四半期報告書と議事録を添付", folder);
        assertThat(body.key()).isEqualTo(mailKey);
        assertThat(body.container()).isNull();

        // The zip again, without its nested archive: the dropped entries leave search, the others stay.
        put(
                zipKey,
                zip(Map.of(
                        "report.pdf", Files.readAllBytes(Corpus.file("pdf/minimal-document.pdf")),
                        "notes/memo-ja.txt", "倉庫の在庫確認は金曜日までに完了します。\n".getBytes(StandardCharsets.UTF_8))));
        awaitHits("turquoise lighthouse", folder, 0);
        awaitHits("東京本社の会議室", folder, 1);
        assertThat(awaitOnlyHit("Lorem ipsum dolor", zipKey).key()).isEqualTo(zipKey + "!/report.pdf");

        delete(zipKey);
        delete(mailKey);
        for (String words : List.of("Lorem ipsum dolor", "倉庫の在庫確認", "東京本社の会議室", "四半期報告書")) {
            awaitHits(words, folder, 0);
        }
    }

    private void put(String key, byte[] content) {
        stack.s3().putObject(r -> r.bucket(LocalServers.BUCKET).key(key), RequestBody.fromBytes(content));
        notifications.objectCreated(
                LocalServers.BUCKET,
                key,
                stack.s3().headObject(r -> r.bucket(LocalServers.BUCKET).key(key)));
    }

    private void delete(String key) {
        stack.s3().deleteObject(r -> r.bucket(LocalServers.BUCKET).key(key));
        stack.sqs()
                .sendMessage(r -> r.queueUrl(queueUrl)
                        .messageBody(notifications.body("ObjectRemoved:Delete", LocalServers.BUCKET, key, null, null)));
    }

    private SearchHit awaitOnlyHit(String words, String keyPrefix) throws InterruptedException {
        return awaitHits(words, keyPrefix, 1).get(0);
    }

    /** Polls the stored search template, as the app calls it, until it returns {@code count} hits. */
    private List<SearchHit> awaitHits(String words, String keyPrefix, int count) throws InterruptedException {
        SearchRequest request = SearchRequest.of(words).filteredBy(SearchFilters.NONE.withKeyPrefix(keyPrefix));
        Await.until(PATIENCE, count + " hits for " + words + " under " + keyPrefix, () -> {
            components.index().refresh();
            return components.index().search(request).hits().size() == count;
        });
        return components.index().search(request).hits();
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
