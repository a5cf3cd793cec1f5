package io.docindexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain JSON requests to the local OpenSearch, one client for all, failing on any error status. */
final class BenchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HTTP_BAD_REQUEST = 400;

    private final URI endpoint;
    private final HttpClient client = HttpClient.newHttpClient();

    BenchHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    JsonNode send(String method, String path, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", contentType)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= HTTP_BAD_REQUEST) {
                throw new IllegalStateException(
                        method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode json(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }
}
