package io.docindexer.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real OpenSearch server on loopback, for integration tests and the local CLI.
 *
 * <p>The server runs from a private copy of the unpacked distribution; its data survives
 * {@link #stop()} and {@link #restart()} (which keep the same port, so clients built against
 * {@link #endpoint()} keep working) and is deleted by {@link #close()}.
 */
public final class OpenSearchServer implements AutoCloseable {

    /** Where the build unpacked the distribution (set by failsafe). */
    public static final String HOME_PROPERTY = "docindexer.opensearch.home";

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchServer.class);
    private static final Path DEFAULT_UNPACK_DIRECTORY = Path.of("target", "opensearch");
    // Enough for tests and demos, and small enough to share a 2-core CI machine.
    private static final String JAVA_OPTS = "-Xms512m -Xmx512m";
    /** Generous: a restart on a loaded two-core machine (the chaos run's outage) has taken over 120 s. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FORCED_STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 40;

    private final Path distribution;
    private final String host;
    private final int requestedHttpPort;
    private final boolean runningAsRoot;
    private final Map<String, String> nodeSettings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private OpenSearchWorkDir workDir;
    private Path javaHome;
    private int httpPort;
    private int transportPort;
    private Process process;
    private Thread shutdownHook;

    public OpenSearchServer(Path distribution) {
        this(distribution, LocalBinding.LOOPBACK, 0);
    }

    /** @param httpPort on {@code host}; 0 for any free one */
    public OpenSearchServer(Path distribution, String host, int httpPort) {
        this(distribution, host, httpPort, Map.of());
    }

    /**
     * @param httpPort on {@code host}; 0 for any free one
     * @param nodeSettings static node settings on top of the local ones, such as a thread pool's
     *     size, which no API can change once the node runs
     */
    private OpenSearchServer(Path distribution, String host, int httpPort, Map<String, String> nodeSettings) {
        this.distribution = distribution.toAbsolutePath();
        this.host = host;
        this.requestedHttpPort = httpPort;
        this.runningAsRoot = isRoot();
        this.nodeSettings = Map.copyOf(nodeSettings);
    }

    /** The distribution named by {@value #HOME_PROPERTY}, else the one the build unpacked under target/opensearch. */
    public static OpenSearchServer fromBuild() {
        return fromBuild(LocalBinding.LOOPBACK, 0);
    }

    /** @param httpPort on {@code host}; 0 for any free one */
    public static OpenSearchServer fromBuild(String host, int httpPort) {
        return new OpenSearchServer(buildDistribution(), host, httpPort);
    }

    /** A node of its own on loopback with these static node settings added, for a test that needs them. */
    public static OpenSearchServer fromBuildWith(Map<String, String> nodeSettings) {
        return new OpenSearchServer(buildDistribution(), LocalBinding.LOOPBACK, 0, nodeSettings);
    }

    private static Path buildDistribution() {
        String home = System.getProperty(HOME_PROPERTY);
        return home != null && !home.isBlank() ? Path.of(home) : unpackedDistribution();
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("OpenSearch is already running at " + endpoint());
        }
        if (workDir == null) {
            javaHome = JdkLocator.forThisMachine().locate();
            KuromojiPlugin.installInto(distribution, javaHome);
            workDir = OpenSearchWorkDir.create(distribution, runningAsRoot);
            httpPort = requestedHttpPort == 0 ? freePort() : requestedHttpPort;
            transportPort = freePort();
            shutdownHook = new Thread(this::stopQuietly, "opensearch-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        long started = System.nanoTime();
        process = launch();
        awaitHealthy();
        LOG.info(
                "OpenSearch is up at {} after {} s (working dir {})",
                endpoint(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                workDir.root());
    }

    /** {@code http://HOST:PORT}; the port stays the same across restarts. */
    public URI endpoint() {
        if (workDir == null) {
            throw new IllegalStateException("OpenSearch has not been started");
        }
        return URI.create("http://" + host + ":" + httpPort);
    }

    /** The running server's processes (the launcher's and the JVM's), for CPU accounting; empty when stopped. */
    public synchronized List<ProcessHandle> processes() {
        if (process == null) {
            return List.of();
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server (SIGTERM, then SIGKILL after a grace period) and waits for it to exit; data is kept. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = processes();
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, GRACEFUL_STOP_TIMEOUT)) {
            LOG.warn("OpenSearch did not stop within {} s; killing it", GRACEFUL_STOP_TIMEOUT.toSeconds());
            tree.forEach(ProcessHandle::destroyForcibly);
            if (!awaitExit(tree, FORCED_STOP_TIMEOUT)) {
                throw new IllegalStateException(
                        "OpenSearch (pid " + process.pid() + ") did not exit even after SIGKILL");
            }
        }
        process = null;
    }

    /** Stops and starts again on the same port with the same data, as a real node restart would. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Stops the server and deletes its working copy, data included. */
    @Override
    public synchronized void close() {
        stop();
        if (workDir != null) {
            workDir.delete();
            workDir = null;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook is running or about to run; it finds nothing left to stop
            }
            shutdownHook = null;
        }
    }

    private Process launch() {
        List<String> command = new ArrayList<>();
        if (runningAsRoot) {
            command.addAll(List.of(
                    "setpriv",
                    "--reuid=" + OpenSearchWorkDir.UNPRIVILEGED_USER,
                    "--regid=" + OpenSearchWorkDir.UNPRIVILEGED_GROUP,
                    "--clear-groups"));
        }
        command.add(workDir.home().resolve("bin/opensearch").toString());
        settings().forEach((name, value) -> command.add("-E" + name + "=" + value));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(workDir.consoleLog().toFile()));
        Map<String, String> env = builder.environment();
        env.put("OPENSEARCH_JAVA_HOME", javaHome.toString());
        env.put("OPENSEARCH_JAVA_OPTS", JAVA_OPTS);
        env.put("OPENSEARCH_TMPDIR", workDir.tmp().toString());
        env.put("HOME", workDir.tmp().toString());
        // Options meant for the Lambda JVM (e.g. jna.library.path) must not leak into the server's JVM.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JAVA_HOME");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot launch " + String.join(" ", command)
                            + (runningAsRoot ? " (running as root needs setpriv from util-linux)" : ""),
                    e);
        }
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "docindexer-local");
        settings.put("node.name", "local");
        settings.put("discovery.type", "single-node");
        settings.put("network.host", host);
        settings.put("http.port", Integer.toString(httpPort));
        settings.put("transport.port", Integer.toString(transportPort));
        settings.put("path.data", workDir.data().toString());
        settings.put("path.logs", workDir.logs().toString());
        // A nearly full developer disk must not turn every index read-only.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        settings.put("bootstrap.memory_lock", "false");
        // Only distributions that ship the security plugin know this setting; others reject unknown settings.
        if (Files.isDirectory(workDir.home().resolve("plugins/opensearch-security"))) {
            settings.put("plugins.security.disabled", "true");
        }
        settings.putAll(nodeSettings);
        return settings;
    }

    private void awaitHealthy() {
        URI health = endpoint().resolve("/_cluster/health?wait_for_status=yellow&timeout=5s");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw startFailure("OpenSearch exited with code " + process.exitValue() + " while starting");
            }
            if (answersHealthy(health)) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        stopQuietly();
        throw startFailure("OpenSearch did not report yellow health within " + START_TIMEOUT.toSeconds() + " s");
    }

    private boolean answersHealthy(URI health) {
        try {
            HttpRequest request = HttpRequest.newBuilder(health)
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for OpenSearch to start", e);
        }
    }

    private IllegalStateException startFailure(String what) {
        return new IllegalStateException(what + " (" + endpoint() + ", JDK " + javaHome + ")." + " Last lines of "
                + workDir.consoleLog() + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(workDir.consoleLog(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(console log unreadable: " + e.getMessage() + ")";
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.warn("Could not stop OpenSearch cleanly", e);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            long remaining = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException("Cannot wait for process " + handle.pid(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static Path unpackedDistribution() {
        if (Files.isDirectory(DEFAULT_UNPACK_DIRECTORY)) {
            try (Stream<Path> candidates = Files.list(DEFAULT_UNPACK_DIRECTORY)) {
                List<Path> distributions = candidates
                        .filter(path -> path.getFileName().toString().startsWith("opensearch-"))
                        .sorted()
                        .toList();
                if (!distributions.isEmpty()) {
                    return distributions.get(distributions.size() - 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + DEFAULT_UNPACK_DIRECTORY.toAbsolutePath(), e);
            }
        }
        throw new IllegalStateException("No OpenSearch distribution under " + DEFAULT_UNPACK_DIRECTORY.toAbsolutePath()
                + " and system property " + HOME_PROPERTY + " is not set. Run `./mvnw pre-integration-test`"
                + " (or `mvn dependency:unpack@opensearch`) in the project directory first.");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on loopback", e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException notLinux) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for OpenSearch to start", e);
        }
    }
}
