package io.docindexer.index;

import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests that make an index ready for writes and searches: whether Kuromoji is installed,
 * the index template (analysis and mappings for it), the stored search template the app calls,
 * the versioned index with the fields added to the mappings since it was created, and its alias ({@link IndexAlias} says when the alias is put on it). Idempotent, and safe when several containers start at
 * once: the templates are replaced with identical content and "already exists" counts as success.
 * A refusal (403) is told apart from an outage, because a new deployment's role may not be mapped
 * yet.
 *
 * <p>Both templates are replaced whenever a container prepares, so a changed search template
 * reaches the cluster with the first container of a new deploy (with SnapStart, when the version
 * is published), and the cluster runs one version of it for every caller: the last one stored.
 * Containers of the previous version do not prepare again, but one that starts during a rollout
 * can put the old template back until the new version's containers take over. So a change must
 * suit both the app and either version of the function: ranking and new optional params are safe
 * in place; renaming or requiring a param needs a new id.
 */
final class IndexSetup {

    private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);
    private static final int HTTP_BAD_REQUEST = 400;
    private static final int HTTP_FORBIDDEN = 403;

    private final OpenSearchClient client;
    private final IndexLayout layout;

    IndexSetup(OpenSearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    /**
     * @throws IndexAccessDeniedException when OpenSearch refuses one of the requests (403)
     * @throws IndexUnavailableException when any of them fails otherwise
     */
    void run() {
        String template = "/_index_template/" + layout.templateName();
        String searchTemplate = "/_scripts/" + layout.searchTemplateId();
        // The request under way, for the failure's message.
        String request = "GET /_cat/plugins";
        try {
            boolean kuromoji = hasKuromoji();
            request = "PUT " + template;
            put(template, layout.templateJson(kuromoji), request);
            request = "PUT " + searchTemplate;
            put(searchTemplate, SearchTemplate.storedScriptJson(), request);
            request = "PUT /" + layout.concreteIndex();
            createIndexUnlessExists();
            // An index an earlier deploy created lacks the fields added since; adding is in place.
            String mapping = "/" + layout.concreteIndex() + "/_mapping";
            request = "PUT " + mapping;
            put(mapping, layout.mappingsJson(kuromoji), request);
            request = "GET /_alias/" + layout.alias() + " and POST /_aliases";
            new IndexAlias(client, layout).ensure();
            LOG.info(
                    "Index {} (alias {}, search template {}) ready; Kuromoji analysis {}",
                    layout.concreteIndex(),
                    layout.alias(),
                    layout.searchTemplateId(),
                    kuromoji ? "on" : "not installed, CJK bigrams only");
        } catch (IOException | OpenSearchException e) {
            if (isRefusal(e)) {
                throw new IndexAccessDeniedException(
                        "Cannot prepare index " + layout.concreteIndex() + ": OpenSearch refused " + request + " ("
                                + reason(e) + ")",
                        e);
            }
            throw new IndexUnavailableException(
                    "Cannot prepare index " + layout.concreteIndex() + ": " + request + " failed (" + reason(e) + ")",
                    e);
        }
    }

    private boolean hasKuromoji() throws IOException {
        try (Response response = client.generic()
                .execute(Requests.builder()
                        .method("GET")
                        .endpoint("/_cat/plugins?h=component")
                        .build())) {
            if (response.getStatus() >= HTTP_BAD_REQUEST) {
                // e.g. OpenSearch Serverless, which has no _cat/plugins: fall back to the analysis every cluster has
                return false;
            }
            return response.getBody()
                    .map(body -> body.bodyAsString().contains("analysis-kuromoji"))
                    .orElse(false);
        }
    }

    private void createIndexUnlessExists() throws IOException {
        try {
            client.indices().create(c -> c.index(layout.concreteIndex()));
        } catch (OpenSearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private void put(String endpoint, String json, String request) throws IOException {
        expectSuccess(
                client.generic()
                        .execute(Requests.builder()
                                .method("PUT")
                                .endpoint(endpoint)
                                .json(json)
                                .build()),
                request);
    }

    private static void expectSuccess(Response response, String request) throws IOException {
        try (response) {
            if (response.getStatus() >= HTTP_BAD_REQUEST) {
                String body = response.getBody().map(b -> b.bodyAsString()).orElse("");
                throw new IndexUnavailableException("Cannot " + request + ": " + response.getStatus() + " " + body);
            }
        }
    }

    /** A 403, as either transport reports it: SigV4 throws it as such, plain HTTP wraps the response. */
    private static boolean isRefusal(Exception e) {
        if (e instanceof OpenSearchException server) {
            return server.status() == HTTP_FORBIDDEN;
        }
        ResponseException response = wrappedResponse(e);
        return response != null && response.status() == HTTP_FORBIDDEN;
    }

    /** The server's own words: plain HTTP puts them in the wrapped response, behind a generic message. */
    private static String reason(Exception e) {
        ResponseException response = wrappedResponse(e);
        return response != null ? response.getMessage() : e.getMessage();
    }

    private static ResponseException wrappedResponse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseException response) {
                return response;
            }
        }
        return null;
    }
}
