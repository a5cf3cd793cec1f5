package io.docindexer.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A command-line tool from a Debian package that a benchmark compares against. Installed with
 * apt-get when it is missing and we run as root (the CI image and this machine); otherwise the
 * message says what to install.
 */
record ReferenceTool(String command, String debianPackage) {

    /** The tool's path on PATH, installing its package first if it is missing. */
    Path ensureInstalled(PrintStream progress) throws IOException, InterruptedException {
        Path found = onPath();
        if (found != null) {
            return found;
        }
        if (!runningAsRoot()) {
            throw new IllegalStateException("'" + command + "' is not on PATH: install it with "
                    + "`sudo apt-get install -y " + debianPackage + "` and run the benchmark again");
        }
        progress.println("'" + command + "' is missing: installing Debian package " + debianPackage + "...");
        run(List.of("apt-get", "update", "-qq"));
        run(List.of("apt-get", "install", "-y", "-qq", debianPackage));
        found = onPath();
        if (found == null) {
            throw new IllegalStateException(
                    debianPackage + " was installed but '" + command + "' is still not on PATH");
        }
        return found;
    }

    /** The first line the tool prints when asked for its version (stdout or stderr, as tools differ). */
    static String version(Path tool, String flag) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(tool.toString(), flag)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return output.lines().findFirst().orElse("unknown");
    }

    private Path onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean runningAsRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes()).trim();
        return id.waitFor() == 0 && uid.equals("0");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit);
        }
    }
}
