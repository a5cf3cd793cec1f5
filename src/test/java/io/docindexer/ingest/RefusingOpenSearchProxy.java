package io.docindexer.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback proxy in front of the local OpenSearch that plays a domain's fine-grained access
 * control for a role nobody has mapped yet: every request is answered 403 until {@link #mapRole()},
 * then forwarded. The local server has no security plugin, so this is the only way to see it
 * refuse. Remembers what it refused and what it forwarded as "METHOD /path".
 */
final class RefusingOpenSearchProxy implements AutoCloseable {

    private static final String REFUSAL = """
            {"error":{"root_cause":[{"type":"security_exception","reason":"no permissions for [cluster:monitor/state] \
            and User [name=arn:aws:iam::000000000000:role/docindexer-IngestFunctionRole-LOCAL]"}],\
            "type":"security_exception","reason":"no permissions for [cluster:monitor/state] \
            and User [name=arn:aws:iam::000000000000:role/docindexer-IngestFunctionRole-LOCAL]"},"status":403}""";

    private final URI upstream;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private volatile boolean roleMapped;

    private RefusingOpenSearchProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    static RefusingOpenSearchProxy inFrontOf(URI upstream) throws IOException {
        return new RefusingOpenSearchProxy(upstream);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void mapRole() {
        roleMapped = true;
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String request =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        if (!roleMapped) {
            refused.add(request);
            respond(exchange, 403, "application/json", REFUSAL.getBytes(StandardCharsets.UTF_8));
            return;
        }
        forwarded.add(request);
        try {
            HttpResponse<byte[]> response =
                    http.send(forwardOf(exchange, body), HttpResponse.BodyHandlers.ofByteArray());
            respond(
                    exchange,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"),
                    response.body());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private HttpRequest forwardOf(HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        upstream.resolve(exchange.getRequestURI().toString()))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
