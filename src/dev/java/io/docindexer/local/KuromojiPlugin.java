package io.docindexer.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Installs analysis-kuromoji into an unpacked OpenSearch distribution with the server's own
 * {@code bin/opensearch-plugin}, so that the local server analyses Japanese as Amazon OpenSearch
 * Service, which has the plugin built in, does. Maven Central has the plugin's jar and Lucene's
 * analyser, not the plugin zip, so the zip is assembled here with the descriptor the plugin tool
 * requires. Installed once per distribution; a lock keeps two starting stacks from racing.
 */
final class KuromojiPlugin {

    /** The folder with the plugin's jars (set by failsafe; the pom's kuromoji execution fills it). */
    static final String JARS_PROPERTY = "docindexer.opensearch.kuromoji";

    static final String NAME = "analysis-kuromoji";

    private static final Path DEFAULT_JARS = Path.of("target", "opensearch-plugins", NAME);
    private static final Pattern DISTRIBUTION_VERSION = Pattern.compile("opensearch-(\\d+\\.\\d+\\.\\d+)");
    private static final long INSTALL_TIMEOUT_SECONDS = 120;

    private KuromojiPlugin() {}

    static void installInto(Path distribution, Path javaHome) {
        Path installed = distribution.resolve("plugins").resolve(NAME);
        if (Files.isDirectory(installed)) {
            return;
        }
        try (FileChannel lockFile = FileChannel.open(
                        distribution.resolve(".plugin-install.lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (!Files.isDirectory(installed)) {
                install(distribution, javaHome);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot install " + NAME + " into " + distribution + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing " + NAME, e);
        }
    }

    private static void install(Path distribution, Path javaHome) throws IOException, InterruptedException {
        Path zip = Files.createTempFile(NAME + "-", ".zip");
        try {
            writePluginZip(zip, jars(), versionOf(distribution));
            ProcessBuilder builder = new ProcessBuilder(
                            distribution.resolve("bin/opensearch-plugin").toString(),
                            "install",
                            "--batch",
                            zip.toUri().toString())
                    .redirectErrorStream(true);
            builder.environment().put("OPENSEARCH_JAVA_HOME", javaHome.toString());
            Process tool = builder.start();
            tool.getOutputStream().close();
            String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!tool.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IOException("bin/opensearch-plugin install failed:\n" + output);
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private static List<Path> jars() throws IOException {
        String configured = System.getProperty(JARS_PROPERTY);
        Path folder = configured == null || configured.isBlank() ? DEFAULT_JARS : Path.of(configured);
        List<Path> jars = List.of();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                jars = files.filter(file -> file.toString().endsWith(".jar"))
                        .sorted()
                        .toList();
            }
        }
        if (jars.size() != 2) {
            throw new IOException("expected the plugin's jar and Lucene's kuromoji jar in " + folder.toAbsolutePath()
                    + ", found " + jars + ". Run `./mvnw pre-integration-test` (or `./mvnw dependency:copy@kuromoji`)"
                    + " in the project directory first.");
        }
        return jars;
    }

    private static String versionOf(Path distribution) throws IOException {
        Matcher version =
                DISTRIBUTION_VERSION.matcher(distribution.getFileName().toString());
        if (!version.matches()) {
            throw new IOException("cannot tell the OpenSearch version of " + distribution
                    + " (expected a folder named opensearch-X.Y.Z, as the distribution unpacks)");
        }
        return version.group(1);
    }

    /** The layout bin/opensearch-plugin installs: the jars and plugin-descriptor.properties at the root. */
    private static void writePluginZip(Path zip, List<Path> jars, String openSearchVersion) throws IOException {
        String descriptor = String.join(
                "\n",
                "description=The Japanese (kuromoji) Analysis plugin integrates Lucene kuromoji analysis module into OpenSearch.",
                "version=" + openSearchVersion,
                "name=" + NAME,
                "classname=org.opensearch.plugin.analysis.kuromoji.AnalysisKuromojiPlugin",
                "java.version=21",
                "opensearch.version=" + openSearchVersion,
                "");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("plugin-descriptor.properties"));
            out.write(descriptor.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Path jar : jars) {
                out.putNextEntry(new ZipEntry(jar.getFileName().toString()));
                Files.copy(jar, out);
                out.closeEntry();
            }
        }
    }
}
