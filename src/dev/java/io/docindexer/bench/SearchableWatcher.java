package io.docindexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds out when each written document becomes searchable: a document is written (its bulk item
 * succeeded) some time before the next index refresh makes it visible. Every
 * {@value #POLL_MILLIS} ms this asks the search alias which of the written-but-not-yet-seen ids
 * it can find, and stamps those it finds. So a stamp is the real moment of visibility to search,
 * late by at most one poll plus one search round trip.
 */
final class SearchableWatcher implements AutoCloseable {

    static final long POLL_MILLIS = 100;
    private static final int MAX_IDS_PER_POLL = 1_000;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI searchUri;
    private final URI countUri;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> searchableAtNanos = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    SearchableWatcher(URI openSearch, String alias) {
        this.searchUri = openSearch.resolve("/" + alias + "/_search");
        this.countUri = openSearch.resolve("/" + alias + "/_count");
        this.poller = new Thread(this::pollUntilClosed, "searchable-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    /** Called when the handler's bulk write for this document succeeded. */
    void written(String documentId) {
        written.add(documentId);
    }

    int searchableCount() {
        return searchableAtNanos.size();
    }

    /** When the document was first found by a search, in {@link System#nanoTime()}; null if not yet. */
    Long searchableAtNanos(String documentId) {
        return searchableAtNanos.get(documentId);
    }

    /** The alias's own count of documents under a key prefix: the final check that all are indexed and searchable. */
    long indexCount(String keyPrefix) throws IOException, InterruptedException {
        ObjectNode query = json.createObjectNode();
        query.putObject("query").putObject("prefix").put("key", keyPrefix);
        return json.readTree(send(HttpRequest.newBuilder(countUri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(query.toString()))))
                .path("count")
                .asLong();
    }

    private void pollUntilClosed() {
        while (running) {
            try {
                pollOnce();
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException stop) {
                return;
            } catch (IOException | RuntimeException e) {
                System.err.println("searchable watcher: " + e);
            }
        }
    }

    private void pollOnce() throws IOException, InterruptedException {
        List<String> pending = new ArrayList<>();
        for (String id : written) {
            if (pending.size() == MAX_IDS_PER_POLL) {
                break;
            }
            pending.add(id);
        }
        if (pending.isEmpty()) {
            return;
        }
        ObjectNode query = json.createObjectNode();
        query.put("size", pending.size());
        query.put("_source", false);
        pending.forEach(query.putObject("query").putObject("ids").putArray("values")::add);
        JsonNode hits = json.readTree(send(HttpRequest.newBuilder(searchUri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(query.toString()))))
                .path("hits")
                .path("hits");
        long now = System.nanoTime();
        for (JsonNode hit : hits) {
            String id = hit.path("_id").asText();
            searchableAtNanos.putIfAbsent(id, now);
            written.remove(id);
        }
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(
                    request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join(5_000);
    }
}
