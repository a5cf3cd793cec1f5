package io.docindexer.local.searchpage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The page itself: its HTML at {@code /} (whatever the query string), its stylesheet and its
 * script, from the classpath. The HTML allows only these two, so that a document's text that did
 * reach the page as markup could not run or load anything.
 */
final class PageAssets implements HttpHandler {

    private record Asset(String resource, String contentType) {}

    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("index.html", "text/html; charset=utf-8"),
            "/search.css", new Asset("search.css", "text/css; charset=utf-8"),
            "/search.js", new Asset("search.js", "text/javascript; charset=utf-8"));

    /** Scripts and styles from the page's own files only; pictures from its own address only. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
                    + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.onlyGet(exchange)) {
                return;
            }
            Asset asset = ASSETS.get(exchange.getRequestURI().getPath());
            if (asset == null) {
                Responses.text(exchange, 404, "Nothing here: the search page is at /, files at /files/KEY.");
                return;
            }
            exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            Responses.send(exchange, 200, asset.contentType(), read(asset.resource()));
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = PageAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("The search page's " + resource + " is missing from the classpath:"
                        + " rebuild with ./mvnw test-compile");
            }
            return in.readAllBytes();
        }
    }
}
