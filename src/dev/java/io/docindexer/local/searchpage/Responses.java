package io.docindexer.local.searchpage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the page's responses, each with the headers that keep untrusted content inert. */
final class Responses {

    private Responses() {}

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // Never let the browser guess: a text file that looks like HTML must stay text.
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void text(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers 405 to anything but GET, and says so; returns whether the request may go on. */
    static boolean onlyGet(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET");
        text(exchange, 405, method + " is not supported here: the search page only reads.");
        return false;
    }
}
