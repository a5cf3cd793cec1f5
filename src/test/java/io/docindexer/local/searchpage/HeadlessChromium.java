package io.docindexer.local.searchpage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol on the JDK's own WebSocket client:
 * one browser process, one tab. The browser writes the port it chose to {@code DevToolsActivePort}
 * in its profile folder, so nothing parses its console; commands go to the tab through a flat
 * session on the browser's socket.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration ANSWER = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> awaitedEvents = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Process process;
    private final WebSocket socket;
    private final String session;

    private HeadlessChromium(Process process, URI browserSocket) throws Exception {
        this.process = process;
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(browserSocket, new Answers())
                .get(ANSWER.toSeconds(), TimeUnit.SECONDS);
        String target = send(null, "Target.createTarget", Map.of("url", "about:blank"))
                .path("targetId")
                .asText();
        this.session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId")
                .asText();
        send(session, "Page.enable", Map.of());
        // A headless tab is not the focused window: without this, focus() and typing can miss it.
        send(session, "Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
    }

    /** Starts Chromium with a fresh profile in {@code profile}, which must be an empty folder. */
    static HeadlessChromium start(Path profile) throws Exception {
        Process process = new ProcessBuilder(List.of(
                        executable(),
                        "--headless=new",
                        // Root here and in CI: Chromium's sandbox refuses to run as root.
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--window-size=1200,1000",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile.toAbsolutePath(),
                        "about:blank"))
                .redirectErrorStream(true)
                .redirectOutput(
                        profile.resolveSibling(profile.getFileName() + ".log").toFile())
                .start();
        try {
            return new HeadlessChromium(process, awaitDevToolsSocket(profile, process));
        } catch (Exception | AssertionError failed) {
            process.destroyForcibly();
            throw failed;
        }
    }

    private static String executable() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(folder, name))) {
                    return Path.of(folder, name).toString();
                }
            }
        }
        throw new AssertionError("No Chromium on PATH: the search page tests run it headless."
                + " Install it with `apt-get install chromium` (.ci/run does when it is missing).");
    }

    private static URI awaitDevToolsSocket(Path profile, Process process) throws Exception {
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            if (Files.exists(activePort)) {
                List<String> lines = Files.readAllLines(activePort);
                if (lines.size() >= 2) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).trim()
                            + lines.get(1).trim());
                }
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Chromium did not open its DevTools port within " + STARTUP
                        + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                        + "; its output is in " + profile.resolveSibling(profile.getFileName() + ".log"));
            }
            Thread.sleep(100);
        }
    }

    /**
     * Opens {@code address} in the tab and waits until its document is parsed; the page's scripts
     * go on running after this returns.
     */
    void open(URI address) throws Exception {
        send(session, "Page.navigate", Map.of("url", address.toString()));
        awaitTrue(
                "location.href === " + json.writeValueAsString(address.toString())
                        + " && document.readyState !== 'loading'",
                address + " to load",
                ANSWER);
    }

    /** The value of a JavaScript expression in the tab, awaited if it is a promise. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send(
                session,
                "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("The page threw on `" + expression + "`: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until {@code expression} is true in the tab, failing with {@code what} after {@code timeout}. */
    void awaitTrue(String expression, String what, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate(expression).asBoolean(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + what + "; the page shows: "
                        + evaluate("document.body.innerText").asText());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Types {@code text} into the focused field as an input method does before the user commits
     * it: composition events, and input events marked as composing.
     */
    void compose(String text) throws Exception {
        send(
                session,
                "Input.imeSetComposition",
                Map.of("text", text, "selectionStart", text.length(), "selectionEnd", text.length()));
    }

    /** Commits the composition (or types, if none) with {@code text}, as choosing a conversion does. */
    void commit(String text) throws Exception {
        send(session, "Input.insertText", Map.of("text", text));
    }

    /**
     * Lets {@code time} pass on the tab's clock at once: its timers fire as if that much time had
     * gone by. From then on the tab's time stands still except in further calls, so a test that
     * uses this should have the browser to itself.
     */
    void letTimePass(Duration time) throws Exception {
        CompletableFuture<JsonNode> expired = new CompletableFuture<>();
        awaitedEvents.put("Emulation.virtualTimeBudgetExpired", expired);
        send(session, "Emulation.setVirtualTimePolicy", Map.of("policy", "advance", "budget", time.toMillis()));
        expired.get(ANSWER.toSeconds(), TimeUnit.SECONDS);
    }

    /** A PNG of the tab as it is rendered. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder()
                .decode(send(session, "Page.captureScreenshot", Map.of("format", "png"))
                        .path("data")
                        .asText());
    }

    private JsonNode send(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", json.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(json.writeValueAsString(message), true).get(ANSWER.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(ANSWER.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new AssertionError("Chromium refused " + method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    @Override
    public void close() throws Exception {
        // The whole family: Chromium's helper processes write to the profile folder until they end,
        // and the folder is deleted next.
        List<ProcessHandle> family = process.descendants().toList();
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle helper : family) {
                helper.destroy();
                try {
                    helper.onExit().get(10, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    helper.destroyForcibly();
                }
            }
        }
    }

    /** Routes each reply to the command that asked for it, and each awaited event to its waiter. */
    private final class Answers implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(partial.toString());
                    CompletableFuture<JsonNode> waiting = message.has("id")
                            ? pending.remove(message.get("id").asInt())
                            : awaitedEvents.remove(message.path("method").asText());
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (IOException unreadable) {
                    pending.values().forEach(waiting -> waiting.completeExceptionally(unreadable));
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
