package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks on a folder of native libraries of a built Tesseract layer (lib/ARCH), and on the size
 * of a whole layer or artifact.
 */
final class LayerFolder {

    /** Lambda's limit for a function and all its layers, unzipped. */
    static final long UNZIPPED_LIMIT_BYTES = 250L * 1024 * 1024;
    /** Amazon Linux 2023, which the java21 runtime runs on, has glibc 2.34 and GCC 11's libstdc++. */
    private static final List<VersionLimit> RUNTIME_LIMITS = List.of(
            new VersionLimit("GLIBC_", new int[] {2, 34}),
            new VersionLimit("GLIBCXX_", new int[] {3, 4, 29}),
            new VersionLimit("CXXABI_", new int[] {1, 3, 13}));

    private static final Pattern VERSIONED = Pattern.compile("([A-Z]+_)([0-9.]+)");

    private LayerFolder() {}

    /** The shared objects themselves (the unversioned names are symlinks to them). */
    static List<Path> sharedObjects(Path natives) throws IOException {
        try (Stream<Path> files = Files.list(natives)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !Files.isSymbolicLink(file))
                    .filter(file -> file.getFileName().toString().contains(".so"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Bytes of all files, counting a symlink as a copy of its target: what the folder unzips to
     * when the zip stores links as files, the larger of the two ways a zip can hold them.
     */
    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }

    /** Machine type and the symbol versions of every shared object, as one description per file for the report. */
    static String checkSharedObjects(Path natives, int machine) throws IOException {
        List<Path> objects = sharedObjects(natives);
        assertThat(objects).as("shared objects in " + natives).isNotEmpty();
        StringBuilder report = new StringBuilder();
        for (Path object : objects) {
            ElfFile elf = ElfFile.read(object);
            assertThat(elf.machine()).as("ELF machine of " + object).isEqualTo(machine);
            for (String version : elf.requiredVersions()) {
                assertThat(withinRuntime(version))
                        .as(object.getFileName() + " requires " + version + ", newer than Amazon Linux 2023 provides")
                        .isTrue();
            }
            report.append(object.getFileName())
                    .append(": needs ")
                    .append(elf.needed())
                    .append(", newest versions ")
                    .append(newest(elf))
                    .append('\n');
        }
        return report.toString();
    }

    /** Every library a layer object needs is in the layer or part of the base system every runtime has. */
    static void checkNeededLibraries(Path natives, List<String> system) throws IOException {
        for (Path object : sharedObjects(natives)) {
            for (String needed : ElfFile.read(object).needed()) {
                assertThat(system.contains(needed) || Files.exists(natives.resolve(needed)))
                        .as(object.getFileName() + " needs " + needed
                                + ", which is neither in the layer nor in the base system")
                        .isTrue();
            }
        }
    }

    private static boolean withinRuntime(String version) {
        Matcher matcher = VERSIONED.matcher(version);
        if (!matcher.matches()) {
            // GLIBC_PRIVATE and the like bind to one glibc build: never portable.
            return !version.startsWith("GLIBC");
        }
        return RUNTIME_LIMITS.stream()
                .filter(limit -> limit.prefix().equals(matcher.group(1)))
                .allMatch(limit -> compare(parse(matcher.group(2)), limit.newest()) <= 0);
    }

    private static String newest(ElfFile elf) {
        return RUNTIME_LIMITS.stream()
                .map(limit -> elf.requiredVersions().stream()
                        .filter(version -> version.startsWith(limit.prefix()))
                        .max((a, b) -> compare(
                                parse(a.substring(limit.prefix().length())),
                                parse(b.substring(limit.prefix().length()))))
                        .orElse(limit.prefix() + "-"))
                .toList()
                .toString();
    }

    private static int[] parse(String dotted) {
        return Stream.of(dotted.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private record VersionLimit(String prefix, int[] newest) {}
}
