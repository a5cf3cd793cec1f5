package io.docindexer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalOpenSearchExtension.class)
class OpenSearchServerIT {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void servesOnLoopbackAndKeepsDataAndPortAcrossARestart(OpenSearchServer openSearch) throws Exception {
        URI endpoint = openSearch.endpoint();
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(send("PUT", endpoint.resolve("/restart-probe/_doc/1?refresh=true"), "{\"kept\":true}")
                        .statusCode())
                .isEqualTo(201);

        openSearch.restart();

        assertThat(openSearch.endpoint()).isEqualTo(endpoint);
        HttpResponse<String> afterRestart = send("GET", endpoint.resolve("/restart-probe/_doc/1"), null);
        assertThat(afterRestart.statusCode()).isEqualTo(200);
        assertThat(afterRestart.body()).contains("\"kept\":true");
    }

    @Test
    void stopWaitsUntilTheServerNoLongerAnswers(OpenSearchServer openSearch) throws Exception {
        openSearch.stop();
        try {
            assertThat(openSearch.isRunning()).isFalse();
            assertThat(answers(openSearch.endpoint())).isFalse();
        } finally {
            openSearch.start();
        }
        assertThat(answers(openSearch.endpoint())).isTrue();
    }

    private boolean answers(URI endpoint) throws InterruptedException {
        try {
            return send("GET", endpoint, null).statusCode() == 200;
        } catch (IOException refused) {
            return false;
        }
    }

    private HttpResponse<String> send(String method, URI uri, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
