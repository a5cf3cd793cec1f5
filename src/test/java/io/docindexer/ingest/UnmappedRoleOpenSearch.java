package io.docindexer.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * OpenSearch on loopback as far as preparing an index and bulk writes go, behind a domain's
 * fine-grained access control: every request is refused with 403 until {@link #mapRole()}, as for
 * a role nobody has mapped yet. Remembers each request as "METHOD /path".
 */
final class UnmappedRoleOpenSearch implements AutoCloseable {

    static final String ROLE = "arn:aws:iam::123456789012:role/docindexer-IngestFunctionRole-ABC";
    private static final String REFUSAL = """
            {"error":{"root_cause":[{"type":"security_exception","reason":"no permissions for [cluster:monitor/state] \
            and User [name=%1$s, backend_roles=[%1$s], requestedTenant=null]"}],"type":"security_exception",\
            "reason":"no permissions for [cluster:monitor/state] and User [name=%1$s, backend_roles=[%1$s], \
            requestedTenant=null]"},"status":403}""".formatted(ROLE);
    private static final String BULK_ITEM = """
            {"update":{"_index":"documents-v2","_id":"id","status":200,"result":"updated"}}""";

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean roleMapped;

    private UnmappedRoleOpenSearch() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    static UnmappedRoleOpenSearch start() throws IOException {
        return new UnmappedRoleOpenSearch();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void mapRole() {
        roleMapped = true;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        if (!roleMapped) {
            respond(exchange, 403, REFUSAL);
        } else if (path.equals("/_cat/plugins")) {
            respond(exchange, 200, ""); // no Kuromoji
        } else if (path.equals("/_bulk")) {
            // Every operation is an update: an action line and a script line.
            int operations = (int) body.lines().count() / 2;
            respond(
                    exchange,
                    200,
                    "{\"took\":1,\"errors\":false,\"items\":["
                            + String.join(",", Collections.nCopies(operations, BULK_ITEM)) + "]}");
        } else if (path.endsWith("/_update_by_query")) {
            // The entry sweep after each applied bulk: no containers here, so nothing to tombstone.
            respond(
                    exchange,
                    200,
                    "{\"took\":1,\"timed_out\":false,\"total\":0,\"updated\":0,\"deleted\":0,\"batches\":0,"
                            + "\"version_conflicts\":0,\"noops\":0,\"failures\":[]}");
        } else if (path.startsWith("/_alias/")) {
            respond(exchange, 404, "{\"error\":\"alias [documents] missing\",\"status\":404}"); // a new cluster
        } else if (path.startsWith("/_index_template/") || path.startsWith("/_scripts/") || path.equals("/_aliases")) {
            respond(exchange, 200, "{\"acknowledged\":true}");
        } else {
            String index = path.substring(1);
            respond(exchange, 200, "{\"acknowledged\":true,\"shards_acknowledged\":true,\"index\":\"" + index + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", json.isEmpty() ? "text/plain" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
