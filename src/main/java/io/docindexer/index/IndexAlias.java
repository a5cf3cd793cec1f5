package io.docindexer.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the search alias on this version's index where no index has it yet (a new cluster), and
 * leaves it alone where an older version has it: that version holds the documents the app finds
 * until the operator has reindexed them into this one and moves the alias in one {@code _aliases}
 * request (README, "A new index version"). Meanwhile writes go to this version only. Moving it
 * here, at the first container's start, would hide every file not yet reindexed; adding it beside
 * the old one would find every file twice.
 */
final class IndexAlias {

    private static final Logger LOG = LoggerFactory.getLogger(IndexAlias.class);
    private static final int HTTP_NOT_FOUND = 404;
    private static final int HTTP_BAD_REQUEST = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenSearchClient client;
    private final IndexLayout layout;

    IndexAlias(OpenSearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    /** Idempotent: two containers adding the same alias to the same index both succeed. */
    void ensure() throws IOException {
        List<String> holders = indicesWithAlias();
        if (holders.contains(layout.concreteIndex())) {
            return;
        }
        if (!holders.isEmpty()) {
            LOG.warn(
                    "Alias {} is on {}, not on {}: searches read the old version and writes go to the new one"
                            + " until the operator reindexes and moves the alias (README, \"A new index version\")",
                    layout.alias(),
                    holders,
                    layout.concreteIndex());
            return;
        }
        String actions = "{\"actions\": [{\"add\": {\"index\": \"" + layout.concreteIndex() + "\", \"alias\": \""
                + layout.alias() + "\", \"filter\": " + IndexLayout.aliasFilterJson() + "}}]}";
        try (Response response = client.generic()
                .execute(Requests.builder()
                        .method("POST")
                        .endpoint("/_aliases")
                        .json(actions)
                        .build())) {
            if (response.getStatus() >= HTTP_BAD_REQUEST) {
                throw new IndexUnavailableException("Cannot POST /_aliases: " + response.getStatus() + " "
                        + response.getBody().map(b -> b.bodyAsString()).orElse(""));
            }
        }
    }

    /** The indices the alias is on: {@code GET /_alias/<alias>} answers 404 when it is on none. */
    private List<String> indicesWithAlias() throws IOException {
        try (Response response = client.generic()
                .execute(Requests.builder()
                        .method("GET")
                        .endpoint("/_alias/" + layout.alias())
                        .build())) {
            if (response.getStatus() == HTTP_NOT_FOUND) {
                return List.of();
            }
            String body = response.getBody().map(b -> b.bodyAsString()).orElse("{}");
            if (response.getStatus() >= HTTP_BAD_REQUEST) {
                throw new IndexUnavailableException(
                        "Cannot GET /_alias/" + layout.alias() + ": " + response.getStatus() + " " + body);
            }
            List<String> indices = new ArrayList<>();
            JSON.readTree(body).fieldNames().forEachRemaining(indices::add);
            return indices;
        }
    }
}
