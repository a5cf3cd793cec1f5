package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.index.Documents;
import io.docindexer.index.IndexItemResult;
import io.docindexer.index.IndexOperation;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.local.LocalOpenSearchExtension;
import io.docindexer.local.OpenSearchServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalOpenSearchExtension.class)
class SearchCommandIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsEachHitWithItsFileScoreKeyAndItsPagesWithAMarkedSnippet(OpenSearchServer openSearch) throws Exception {
        String indexName = "it-" + UUID.randomUUID().toString().substring(0, 8);
        try (OpenSearchDocumentIndex index = OpenSearchDocumentIndex.connect(openSearch.endpoint(), "es", indexName)) {
            assertThat(index.apply(List.of(
                            upsert("reports/q1.pdf", "pdf", "The quarterly revenue grew."),
                            upsert("reports/q1.txt", "txt", "The quarterly revenue grew."))))
                    .extracting(IndexItemResult::status)
                    .containsOnly(IndexItemResult.Status.APPLIED);
            index.refresh();
        }

        int exit = command(openSearch.endpoint(), indexName).run(List.of("revenue", "--ext", "pdf"));

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(text(out).lines()).first().isEqualTo("search \"revenue\": 1 hit");
        assertThat(text(out))
                .containsPattern("q1\\.pdf +\\d+\\.\\d\\d  reports/q1\\.pdf")
                .contains("      page 1: The quarterly [revenue] grew.");
    }

    @Test
    void withoutARunningStackItSaysHowToStartOne() throws Exception {
        URI nothingListening;
        try (ServerSocket closedAtOnce = new ServerSocket(0)) {
            nothingListening = URI.create("http://127.0.0.1:" + closedAtOnce.getLocalPort());
        }

        int exit = command(nothingListening, "documents").run(List.of("revenue"));

        assertThat(exit).isEqualTo(Main.FAILED);
        assertThat(text(err)).contains("No local stack is running").contains("./docindexer stack");
    }

    private SearchCommand command(URI endpoint, String indexName) {
        return new SearchCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                endpoint,
                indexName);
    }

    private static String text(ByteArrayOutputStream printed) {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static IndexOperation upsert(String key, String extension, String content) {
        return new IndexOperation.Upsert(
                Documents.of("docs", key, "0A", extension, "indexed", Instant.parse("2026-01-01T00:00:00Z"), content));
    }
}
