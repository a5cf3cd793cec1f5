package io.docindexer.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private, writable copy of the OpenSearch distribution plus its data, log and temp folders.
 * The unpacked distribution in {@code target/} stays pristine, and when we run as root the copy is
 * handed to an unprivileged user, because OpenSearch refuses to run as root.
 */
final class OpenSearchWorkDir {

    static final String UNPRIVILEGED_USER = "nobody";
    static final String UNPRIVILEGED_GROUP = "nogroup";

    private final Path root;

    private OpenSearchWorkDir(Path root) {
        this.root = root;
    }

    static OpenSearchWorkDir create(Path distribution, boolean handToUnprivilegedUser) {
        if (!Files.isExecutable(distribution.resolve("bin/opensearch"))) {
            throw new IllegalStateException("No OpenSearch distribution at " + distribution
                    + " (bin/opensearch missing)."
                    + " Unpack it with `./mvnw pre-integration-test` or `mvn dependency:unpack@opensearch`,"
                    + " or point system property " + OpenSearchServer.HOME_PROPERTY + " at an unpacked distribution.");
        }
        try {
            Path root = Files.createTempDirectory("docindexer-opensearch-");
            OpenSearchWorkDir workDir = new OpenSearchWorkDir(root);
            copyTree(distribution, workDir.home());
            Files.createDirectories(workDir.data());
            Files.createDirectories(workDir.logs());
            Files.createDirectories(workDir.tmp());
            if (handToUnprivilegedUser) {
                workDir.changeOwner(UNPRIVILEGED_USER, UNPRIVILEGED_GROUP);
            }
            return workDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare a working copy of OpenSearch from " + distribution, e);
        }
    }

    Path root() {
        return root;
    }

    Path home() {
        return root.resolve("home");
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    /** Written by this JVM, not the server, so it need not belong to the unprivileged user. */
    Path consoleLog() {
        return root.resolve("console.log");
    }

    void delete() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // COPY_ATTRIBUTES keeps the executable bits of bin/ scripts.
                Files.copy(
                        file,
                        target.resolve(source.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void changeOwner(String user, String group) throws IOException {
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(user);
        GroupPrincipal ownerGroup = lookup.lookupPrincipalByGroupName(group);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(owner);
                view.setGroup(ownerGroup);
            }
        }
    }
}
