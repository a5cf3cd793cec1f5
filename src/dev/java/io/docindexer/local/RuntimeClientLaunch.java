package io.docindexer.local;

import io.docindexer.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the packaged IngestFunction is started in a JVM of its own under AWS's Lambda Runtime
 * Interface Client, as Lambda's java21 runtime starts it: the artifact as {@code sam build} makes
 * it (a copy of the classes and the runtime jars) plus the runtime client, the handler, and the
 * environment Lambda and the template give the function. Closing deletes the copy.
 */
public final class RuntimeClientLaunch implements AutoCloseable {

    /**
     * The JVM flags Lambda's java17 and java21 managed runtimes set by default (AWS docs, "Customize
     * Java runtime startup behavior"): the serial collector, and JIT compilation that stops at C1.
     */
    public static final List<String> LAMBDA_JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String HANDLER = "io.docindexer.ingest.IngestHandler::handleRequest";
    private static final Path TARGET = Path.of("target");

    private final Path artifact;
    private final String classpath;

    private RuntimeClientLaunch(Path artifact, String classpath) {
        this.artifact = artifact;
        this.classpath = classpath;
    }

    /** Copies target/classes, so the function's runs are kept apart from builds of target/classes. */
    public static RuntimeClientLaunch prepare() throws IOException {
        Path lambdaJars = TARGET.resolve("lambda.classpath");
        Path runtimeClient = TARGET.resolve("ric.classpath");
        if (!Files.isRegularFile(lambdaJars) || !Files.isRegularFile(runtimeClient)) {
            throw new UsageException("no " + lambdaJars + " or " + runtimeClient + ": build first with"
                    + " `./mvnw -q -B -DskipTests package` from the repository root");
        }
        Path artifact = Files.createTempDirectory("function-artifact-");
        Path classes = TARGET.resolve("classes");
        try (Stream<Path> tree = Files.walk(classes)) {
            for (Path from : tree.toList()) {
                Path to = artifact.resolve(classes.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        String classpath = artifact + ":" + Files.readString(lambdaJars).trim() + ":"
                + Files.readString(runtimeClient).trim();
        return new RuntimeClientLaunch(artifact, classpath);
    }

    /** The function's command line with these JVM options. */
    public List<String> command(List<String> javaOptions) {
        List<String> command =
                new ArrayList<>(List.of(LambdaJdk.javaExecutable().toString(), "-cp", classpath));
        command.addAll(javaOptions);
        command.add(RIC_MAIN);
        command.add(HANDLER);
        return command;
    }

    /** The function's environment: its settings (as the template gives them) and what Lambda sets. */
    public Map<String, String> environment(Map<String, String> functionSettings) {
        Path layer = TARGET.resolve("tesseract-layer").toAbsolutePath();
        Map<String, String> environment = new HashMap<>(functionSettings);
        environment.putAll(Map.of(
                "_HANDLER",
                HANDLER,
                "LAMBDA_TASK_ROOT",
                artifact.toString(),
                "AWS_LAMBDA_FUNCTION_NAME",
                "IngestFunction",
                "AWS_REGION",
                LocalServers.REGION,
                "AWS_ACCESS_KEY_ID",
                "local",
                "AWS_SECRET_ACCESS_KEY",
                "local",
                "TESSDATA_PREFIX",
                TesseractLayer.tessdata(layer).toString(),
                "OMP_THREAD_LIMIT",
                "1",
                "JAVA_TOOL_OPTIONS",
                "-Djna.library.path=" + TesseractLayer.natives(layer)));
        return environment;
    }

    @Override
    public void close() throws IOException {
        FileTrees.delete(artifact);
    }
}
