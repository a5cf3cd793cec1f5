package io.docindexer.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code sam build} of one resource as aws-lambda-builders runs a {@code BuildMethod: makefile}
 * build: the resource's code folder is copied, without {@code .git} and {@code .aws-sam}, to an
 * empty scratch folder with nothing beside it, and {@code make --makefile CODE/Makefile
 * build-LogicalId} runs there with the caller's environment plus {@code ARTIFACTS_DIR}. What the
 * repository does not hold cannot be reached from the scratch copy, so a build that reads outside
 * it fails here as it would under SAM. Only the files a clone has are copied: tracked ones and
 * untracked ones git does not ignore (so a stale {@code target/} never helps).
 *
 * <p>Each resource is built once per test JVM into {@code target/sam-build/LogicalId}, the layout
 * of {@code .aws-sam/build}.
 */
final class SamBuild {

    static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path OUTPUT = Path.of(System.getProperty("docindexer.sam.build", "target/sam-build"));
    private static final long TIMEOUT_MINUTES = 10;
    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

    /** A finished build: its artifact, the scratch copy it ran in (deleted afterwards) and how long it took. */
    record Built(Path artifacts, List<String> scratchFiles, long millis) {}

    private SamBuild() {}

    /** The artifact SAM deploys for IngestFunction (and, from the same code, RedriveFunction). */
    static Built function() {
        return resource("IngestFunction", PROJECT);
    }

    static Built tesseractLayer() {
        return resource("TesseractLayer", PROJECT.resolve("layers/tesseract"));
    }

    private static Built resource(String logicalId, Path codeFolder) {
        return BUILT.computeIfAbsent(logicalId, id -> {
            try {
                return build(id, codeFolder, OUTPUT.resolve(id));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static Built build(String logicalId, Path codeFolder, Path artifacts)
            throws IOException, InterruptedException {
        deleteTree(artifacts);
        Files.createDirectories(artifacts);
        Path parent = Files.createTempDirectory("sam-build-");
        Path scratch = Files.createDirectory(parent.resolve("scratch"));
        try {
            copySource(codeFolder, scratch);
            Path log = artifacts.resolveSibling(logicalId + ".log");
            ProcessBuilder make = new ProcessBuilder(
                            "make", "--makefile", codeFolder.resolve("Makefile").toString(), "build-" + logicalId)
                    .directory(scratch.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            make.environment().put("ARTIFACTS_DIR", artifacts.toString());
            long start = System.nanoTime();
            Process process = make.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "make build-" + logicalId + " took over " + TIMEOUT_MINUTES + " minutes; see " + log);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("make build-" + logicalId + " failed in a scratch copy (exit "
                        + process.exitValue() + "):\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Built(artifacts, afterBuild(scratch), millis);
        } finally {
            deleteTree(parent);
        }
    }

    /** Copies what a clone of the repository has below {@code codeFolder} into {@code scratch}. */
    private static void copySource(Path codeFolder, Path scratch) throws IOException, InterruptedException {
        for (String file : cloneFiles(codeFolder)) {
            Path target = scratch.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(codeFolder.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static List<String> cloneFiles(Path folder) throws IOException, InterruptedException {
        Process git = new ProcessBuilder(
                        "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".")
                .directory(folder.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() != 0) {
            throw new IllegalStateException("git ls-files failed in " + folder
                    + ": the build check copies what a clone of the repository holds, so run it in a git checkout");
        }
        List<String> files = new ArrayList<>();
        for (String file : listing.split("\0")) {
            // Deleted but not yet committed files are still listed by --cached.
            if (!file.isEmpty() && Files.isRegularFile(folder.resolve(file))) {
                files.add(file);
            }
        }
        return files;
    }

    /** What the scratch folder holds once the build is done, relative to it (before it is deleted). */
    private static List<String> afterBuild(Path scratch) throws IOException {
        try (Stream<Path> paths = Files.walk(scratch)) {
            return paths.map(path -> scratch.relativize(path).toString())
                    .sorted()
                    .toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
