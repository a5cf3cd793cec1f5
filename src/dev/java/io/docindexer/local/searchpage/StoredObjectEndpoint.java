package io.docindexer.local.searchpage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code GET PREFIX/KEY}: the object {@code KEY} of one bucket, passed through from the local S3 so
 * that a result opens in the browser (a PDF at {@code #page=N}). The app would hand out presigned
 * URLs instead; here the page's own address keeps the browser away from S3Proxy, which takes any
 * credentials.
 */
final class StoredObjectEndpoint implements HttpHandler {

    /**
     * What a browser may show inline. Anything else is a download: an indexed HTML or SVG file
     * shown from the page's address could run its scripts there.
     */
    private static final Set<String> SHOWN_INLINE =
            Set.of("application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "text/plain");

    private final S3Client s3;
    private final String bucket;
    private final String pathPrefix;

    StoredObjectEndpoint(S3Client s3, String bucket, String pathPrefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.pathPrefix = pathPrefix;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.onlyGet(exchange)) {
                return;
            }
            // getPath() decodes %XX but leaves +: the page encodes each key with encodeURIComponent.
            String key = exchange.getRequestURI().getPath().substring(pathPrefix.length());
            try (ResponseInputStream<GetObjectResponse> object =
                    s3.getObject(request -> request.bucket(bucket).key(key))) {
                send(exchange, key, object);
            } catch (NoSuchKeyException missing) {
                Responses.text(
                        exchange,
                        404,
                        "s3://" + bucket + "/" + key + " is not there: it was deleted or replaced since"
                                + " the search. Search again.");
            }
        }
    }

    private static void send(HttpExchange exchange, String key, ResponseInputStream<GetObjectResponse> object)
            throws IOException {
        String contentType = contentType(key);
        boolean inline = SHOWN_INLINE.contains(contentType);
        String fileName = key.substring(key.lastIndexOf('/') + 1);
        exchange.getResponseHeaders().set("Content-Type", inline ? contentType : "application/octet-stream");
        exchange.getResponseHeaders()
                .set(
                        "Content-Disposition",
                        (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                                + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        long length = object.response().contentLength();
        // 0 would mean "chunked" to the JDK's server; -1 is its "no body".
        exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
        try (InputStream in = object;
                OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }

    /**
     * By the key's extension: objects put without a Content-Type (as the local stack's are) come
     * back as {@code application/octet-stream}, which no browser shows.
     */
    private static String contentType(String key) {
        String guessed = URLConnection.getFileNameMap().getContentTypeFor(key);
        return guessed == null ? "application/octet-stream" : guessed;
    }
}
