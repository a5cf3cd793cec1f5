package io.docindexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.config.IngestConfig;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.ingest.IngestComponents;
import io.docindexer.local.ConsoleLogProvider;
import io.docindexer.local.LambdaJdk;
import io.docindexer.ocr.TesseractOcrEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The extract-only reference in a JVM of its own, started as the function's JVM is (the same JDK
 * and JVM flags, the function's environment: its settings, the Tesseract layer), so that its
 * CPU per document and the function's are measured alike: an untimed warm-up pass, then the timed
 * pass, whose CPU time the process reads itself. It prints one JSON line:
 * {@code {"docsPerMinute","cpuNanos","pages","ocrPages"}}.
 */
final class ExtractOnlyJvm {

    /** The timed pass, as the child JVM measured it. */
    record Result(double docsPerMinute, long cpuNanos, long pages, long ocrPages) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractOnlyJvm() {}

    /** Runs both passes in a new JVM with the function's environment; its progress goes to this JVM's stderr. */
    static Result run(
            List<Path> warmUp,
            List<Path> timed,
            List<String> javaOptions,
            Map<String, String> functionEnvironment,
            Path folder)
            throws IOException, InterruptedException {
        Path warmUpList = Files.write(folder.resolve("warm-up.list"), names(warmUp));
        Path timedList = Files.write(folder.resolve("timed.list"), names(timed));
        List<String> command = new ArrayList<>(
                List.of(LambdaJdk.javaExecutable().toString(), "-cp", System.getProperty("java.class.path")));
        command.addAll(javaOptions);
        // Readable progress lines on stderr, as this JVM writes them, not the function's JSON ones.
        command.add("-Dslf4j.provider=" + ConsoleLogProvider.class.getName());
        command.addAll(List.of(ExtractOnlyJvm.class.getName(), warmUpList.toString(), timedList.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(functionEnvironment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the extract-only JVM failed with exit code " + process.exitValue()
                    + " (its errors are above); it printed: " + output);
        }
        JsonNode line = JSON.readTree(
                output.strip().lines().reduce((first, last) -> last).orElse("{}"));
        return new Result(
                line.path("docsPerMinute").asDouble(),
                line.path("cpuNanos").asLong(),
                line.path("pages").asLong(),
                line.path("ocrPages").asLong());
    }

    /** {@code ExtractOnlyJvm WARM_UP_LIST TIMED_LIST}: one file path per line in each. */
    public static void main(String[] args) throws Exception {
        IngestConfig config = IngestConfig.fromEnv(System.getenv());
        List<Path> warmUp = paths(Path.of(args[0]));
        List<Path> timed = paths(Path.of(args[1]));
        PrintStream err = System.err;
        try (TesseractOcrEngine ocr = TesseractOcrEngine.fromEnvironment(config.ocrLanguages());
                DocumentExtractor extractor = new DocumentExtractor(IngestComponents.extractionLimits(config), ocr)) {
            ExtractOnlyReference reference = new ExtractOnlyReference(extractor, IngestComponents.workerThreads());
            reference.run(warmUp, err, "extract-only warm-up");
            long cpuBefore = CpuClock.ownNanos();
            ExtractOnlyReference.Pass pass = reference.run(timed, err, "extract-only");
            long cpuNanos = CpuClock.ownNanos() - cpuBefore;
            System.out.println(JSON.createObjectNode()
                    .put("docsPerMinute", pass.docsPerMinute())
                    .put("cpuNanos", cpuNanos)
                    .put("pages", pass.pages())
                    .put("ocrPages", pass.ocrPages()));
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(file -> file.toAbsolutePath().toString()).toList();
    }

    private static List<Path> paths(Path list) throws IOException {
        return Files.readAllLines(list).stream().map(Path::of).toList();
    }
}
