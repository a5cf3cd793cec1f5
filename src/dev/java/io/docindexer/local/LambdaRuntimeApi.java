package io.docindexer.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API on loopback, enough for a runtime client (such as AWS's Runtime Interface
 * Client) to run a function locally the way Lambda does: the client long-polls
 * {@code GET /2018-06-01/runtime/invocation/next} for an event and posts the result to
 * {@code .../invocation/{id}/response} or {@code .../error}; a failed init posts to
 * {@code /runtime/init/error}. A SnapStart client also asks {@code /runtime/restore/next} after
 * its checkpoint hooks and reports a failed restore to {@code /runtime/restore/error}. One server
 * per function process.
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    /** The variable that tells a runtime client where this API is: {@code host:port}. */
    public static final String ADDRESS_VARIABLE = "AWS_LAMBDA_RUNTIME_API";

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String FUNCTION_ARN =
            "arn:aws:lambda:" + LocalServers.REGION + ":" + LocalServers.ACCOUNT_ID + ":function:IngestFunction";

    private final HttpServer server;
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<String> startError = new CompletableFuture<>();
    private final AtomicInteger restores = new AtomicInteger();
    private final CompletableFuture<Void> firstPoll = new CompletableFuture<>();

    private record Invocation(String requestId, String event, long deadlineMillis) {}

    private LambdaRuntimeApi(HttpServer server) {
        this.server = server;
    }

    public static LambdaRuntimeApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LambdaRuntimeApi api = new LambdaRuntimeApi(server);
        server.createContext(PREFIX, api::handle);
        // "next" blocks until an event is queued, so it must not hold up the response posts.
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lambda-runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return api;
    }

    /** Completes when the runtime client first asks for an event: its start-up is over, init is next. */
    public CompletableFuture<Void> firstPoll() {
        return firstPoll;
    }

    /** How many times a SnapStart client asked to be restored. */
    public int restores() {
        return restores.get();
    }

    /** {@code 127.0.0.1:PORT}, the value of {@value #ADDRESS_VARIABLE}. */
    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /**
     * Queues an event for the function; the future completes with the function's response body, or
     * fails with {@link FunctionErrorException} if the function reported an error (or its init failed).
     */
    public CompletableFuture<String> invoke(String event, Duration timeout) {
        Invocation invocation =
                new Invocation(UUID.randomUUID().toString(), event, System.currentTimeMillis() + timeout.toMillis());
        CompletableFuture<String> response = new CompletableFuture<>();
        pending.put(invocation.requestId(), response);
        startError.thenAccept(error -> response.completeExceptionally(new FunctionErrorException(error)));
        queued.add(invocation);
        return response;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String body = read(exchange.getRequestBody());
            if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
                firstPoll.complete(null);
                next(exchange);
            } else if (exchange.getRequestMethod().equals("GET") && path.equals("restore/next")) {
                restores.incrementAndGet();
                respond(exchange, 200, "");
            } else if (exchange.getRequestMethod().equals("POST")
                    && (path.equals("init/error") || path.equals("restore/error"))) {
                startError.complete(path + ": " + body);
                respond(exchange, 202, "{}");
            } else if (exchange.getRequestMethod().equals("POST") && path.startsWith("invocation/")) {
                complete(exchange, path.substring("invocation/".length()), body);
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"not part of this Runtime API: " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = queued.take();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            respond(exchange, 500, "{}");
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        exchange.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Trace-Id",
                        "Root=1-00000000-"
                                + invocation.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, 200, invocation.event());
    }

    /** {@code {id}/response} or {@code {id}/error}. */
    private void complete(HttpExchange exchange, String rest, String body) throws IOException {
        int slash = rest.indexOf('/');
        CompletableFuture<String> response = slash < 0 ? null : pending.remove(rest.substring(0, slash));
        if (response == null) {
            respond(exchange, 400, "{\"errorMessage\":\"unknown invocation: " + rest + "\"}");
            return;
        }
        if (rest.endsWith("/response")) {
            response.complete(body);
        } else {
            response.completeExceptionally(new FunctionErrorException(body));
        }
        respond(exchange, 202, "{}");
    }

    private static String read(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The function answered an invocation with an error, or could not start. */
    public static final class FunctionErrorException extends RuntimeException {
        FunctionErrorException(String message) {
            super(message);
        }
    }
}
