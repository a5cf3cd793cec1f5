package io.docindexer.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run OpenSearch 3.x (Java 21 or newer): {@value #OVERRIDE_VARIABLE} if set,
 * else the JDK running this code (21+ since the build's toolchain chooses it), else one under
 * /usr/lib/jvm.
 */
final class JdkLocator {

    static final String OVERRIDE_VARIABLE = "OPENSEARCH_JAVA_HOME";
    static final int MINIMUM_FEATURE_VERSION = 21;

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private final Map<String, String> env;
    private final Path currentJavaHome;
    private final Path jvmDirectory;

    JdkLocator(Map<String, String> env, Path currentJavaHome, Path jvmDirectory) {
        this.env = env;
        this.currentJavaHome = currentJavaHome;
        this.jvmDirectory = jvmDirectory;
    }

    static JdkLocator forThisMachine() {
        return new JdkLocator(System.getenv(), Path.of(System.getProperty("java.home")), Path.of("/usr/lib/jvm"));
    }

    /**
     * The override if set (trusted as given, so an unusual layout still works), else the running
     * JDK if it is new enough, else the newest suitable JDK under the JVM directory.
     */
    Path locate() {
        String override = env.get(OVERRIDE_VARIABLE);
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override.trim());
            if (!Files.isExecutable(home.resolve("bin/java"))) {
                throw new IllegalStateException(OVERRIDE_VARIABLE + " is '" + override + "' but "
                        + home.resolve("bin/java") + " is not an executable; point it at the home directory of a JDK "
                        + MINIMUM_FEATURE_VERSION + "+");
            }
            return home;
        }
        if (featureVersion(currentJavaHome).orElse(0) >= MINIMUM_FEATURE_VERSION) {
            return currentJavaHome;
        }
        return installedJdks().stream()
                .filter(home -> featureVersion(home).orElse(0) >= MINIMUM_FEATURE_VERSION)
                .max(Comparator.comparing(home -> featureVersion(home).orElse(0)))
                .orElseThrow(() -> new IllegalStateException("OpenSearch needs a JDK " + MINIMUM_FEATURE_VERSION
                        + " or newer to run, and none was found (running JDK: " + currentJavaHome + "; searched "
                        + jvmDirectory + "). Install one (e.g. Temurin 21 or 25) or set " + OVERRIDE_VARIABLE
                        + " to its home directory."));
    }

    private List<Path> installedJdks() {
        if (!Files.isDirectory(jvmDirectory)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(jvmDirectory)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + jvmDirectory, e);
        }
    }

    /** The feature version from the JDK's {@code release} file, e.g. 25 for {@code JAVA_VERSION="25.0.3"}. */
    static Optional<Integer> featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
