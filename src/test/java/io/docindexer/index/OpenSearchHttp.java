package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain requests to the local server, beside the adapter under test, for what it does not expose. */
public final class OpenSearchHttp {

    private final URI endpoint;

    public OpenSearchHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    public String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build());
    }

    public String post(String path, String json) throws IOException, InterruptedException {
        return send(
                withJson(path).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public String put(String path, String json) throws IOException, InterruptedException {
        return send(
                withJson(path).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    String delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).DELETE().build());
    }

    private HttpRequest.Builder withJson(String path) {
        return HttpRequest.newBuilder(endpoint.resolve(path)).header("Content-Type", "application/json");
    }

    private static String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }
}
