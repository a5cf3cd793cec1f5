package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.OpenSearchHttp;
import io.docindexer.local.Await;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.Closer;
import io.docindexer.local.EventSourcePoller;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import io.docindexer.ocr.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** What a file says about itself, through the whole pipeline, and the filters an app builds on it. */
@ExtendWith(LocalServersExtension.class)
class DocumentMetadataIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    private final Closer toClose = new Closer();

    private final String folder = "metadata/" + UUID.randomUUID() + "/";
    private LocalServers stack;
    private IngestComponents components;
    private BucketNotifications notifications;
    private OpenSearchHttp openSearch;

    @BeforeEach
    void startTheFunction(LocalServers stack) {
        this.stack = stack;
        LocalServers.Queues queues = stack.createQueues("metadata-" + UUID.randomUUID(), 30, 5);
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
        openSearch = new OpenSearchHttp(stack.openSearchEndpoint());
    }

    @Test
    void aPdfCarriesItsInfoAndXmpItsLanguageItsHashAndItsUserMetadata() throws Exception {
        Path pdf = Corpus.file("pdf/minimal-document-with-xmp.pdf");
        String key = index(pdf, "contract template.pdf", Map.of("department", "legal", "project", "maintenance"));

        JsonNode document = stored(key);

        assertThat(document.at("/metadata/title").asText()).isEqualTo("業務委託契約書（ひな形）");
        assertThat(document.at("/metadata/author").asText()).isEqualTo("山田 太郎");
        assertThat(document.at("/metadata/creatorTool").asText()).isEqualTo("TeX");
        assertThat(document.at("/metadata/created").asText()).isEqualTo("2022-04-03T16:05:42Z");
        assertThat(document.at("/languages").toString()).isEqualTo("[\"en\"]");
        assertThat(document.at("/sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(document.at("/userMetadata/department").asText()).isEqualTo("legal");

        assertThat(count(key, "{\"range\": {\"metadata.created\": {\"gte\": \"2022-04-01\", \"lt\": \"2022-05-01\"}}}"))
                .isOne();
        assertThat(count(key, "{\"range\": {\"metadata.created\": {\"gte\": \"2023-01-01\"}}}"))
                .isZero();
        assertThat(count(key, "{\"term\": {\"languages\": \"en\"}}")).isOne();
        assertThat(count(key, "{\"term\": {\"userMetadata.department\": \"legal\"}}"))
                .isOne();
        assertThat(count(key, "{\"match\": {\"metadata.title\": \"契約書\"}}")).isOne();
    }

    @Test
    void aPhotoCarriesWhenAndWithWhatItWasTakenAndItsJapaneseText() throws Exception {
        String key = index(Corpus.file("images/invoice-photo-exif.jpg"), "invoice photo.jpg", Map.of());

        JsonNode document = stored(key);

        assertThat(document.at("/metadata/taken").asText()).isEqualTo("2026-11-20T09:15:00Z");
        assertThat(document.at("/metadata/cameraModel").asText()).isEqualTo("Canon EOS R6");
        assertThat(document.at("/metadata/orientation").asInt()).isEqualTo(1);
        assertThat(document.at("/languages/0").asText()).isEqualTo("ja");
        assertThat(count(key, "{\"range\": {\"metadata.taken\": {\"gte\": \"2026-11-01\", \"lt\": \"2026-12-01\"}}}"))
                .isOne();
        assertThat(count(key, "{\"term\": {\"metadata.cameraMake\": \"Canon\"}}"))
                .isOne();
    }

    private String index(Path file, String name, Map<String, String> userMetadata) throws InterruptedException {
        String key = folder + name;
        stack.s3()
                .putObject(
                        request -> request.bucket(LocalServers.BUCKET).key(key).metadata(userMetadata),
                        RequestBody.fromFile(file));
        notifications.objectCreated(
                LocalServers.BUCKET,
                key,
                stack.s3().headObject(r -> r.bucket(LocalServers.BUCKET).key(key)));
        Await.until(Duration.ofSeconds(90), "the document for " + key, () -> count(key, "{\"match_all\": {}}") == 1);
        return key;
    }

    private JsonNode stored(String key) throws Exception {
        return JSON.readTree(openSearch.post("/" + LocalServers.INDEX + "/_search", query(key, "{\"match_all\": {}}")))
                .at("/hits/hits/0/_source");
    }

    private long count(String key, String clause) {
        components.index().refresh();
        try {
            return JSON.readTree(openSearch.post("/" + LocalServers.INDEX + "/_search", query(key, clause)))
                    .at("/hits/total/value")
                    .asLong();
        } catch (Exception e) {
            throw new IllegalStateException("search for " + key + " failed", e);
        }
    }

    private static String query(String key, String clause) throws Exception {
        return "{\"query\": {\"bool\": {\"filter\": [{\"term\": {\"key\": " + JSON.writeValueAsString(key) + "}}, "
                + clause + "]}}}";
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
