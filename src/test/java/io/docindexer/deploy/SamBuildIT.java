package io.docindexer.deploy;

import static io.docindexer.deploy.TemplateChecks.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.local.TesseractLayer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * {@code sam build} as SAM runs it ({@link SamBuild}): each resource builds from a scratch copy of
 * the repository with nothing beside it, runs no test and starts no server, and the function's
 * artifact holds its classes and runtime jars and nothing else.
 */
class SamBuildIT {

    private static final Path TEMPLATE = SamBuild.PROJECT.resolve("template.yaml");

    @Test
    void theFunctionArtifactHoldsTheHandlersOfBothFunctionsAndTheRuntimeJarsButNoTooling() throws IOException {
        SamBuild.Built build = SamBuild.function();
        System.out.printf("sam build IngestFunction: %.1f s in a scratch copy%n", build.millis() / 1000.0);

        for (String handler : handlers()) {
            String className = handler.substring(0, handler.indexOf("::"));
            assertThat(build.artifacts().resolve(className.replace('.', '/') + ".class"))
                    .as(handler)
                    .isRegularFile();
        }
        assertThat(jarNames(build.artifacts().resolve("lib"))).containsExactlyInAnyOrderElementsOf(runtimeJarNames());
        assertThat(topLevelEntries(build.artifacts())).containsExactlyInAnyOrder("io", "lib", "META-INF");
        try (Stream<Path> files = Files.walk(build.artifacts().resolve("io"))) {
            assertThat(files.map(Path::toString))
                    .noneMatch(name -> name.endsWith("Test.class") || name.endsWith("IT.class"));
        }
        for (String tooling : List.of("bench", "chaos", "cli", "local")) {
            assertThat(build.artifacts().resolve("io/docindexer/" + tooling))
                    .as("tooling package " + tooling)
                    .doesNotExist();
        }
    }

    @Test
    void theArtifactsLinguaKeepsItsCodeButOnlyTheModelsOfEnglishAndJapanese() throws IOException {
        Path lib = SamBuild.function().artifacts().resolve("lib");
        Path lingua;
        try (Stream<Path> jars = Files.list(lib)) {
            lingua = jars.filter(jar -> jar.getFileName().toString().startsWith("com.github.pemistahl.lingua-"))
                    .findFirst()
                    .orElseThrow();
        }
        try (ZipFile jar = new ZipFile(lingua.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();

            assertThat(names).contains("com/github/pemistahl/lingua/api/LanguageDetectorBuilder.class");
            assertThat(names.stream()
                            .filter(name -> name.startsWith("language-models/") && name.endsWith("/unigrams.json"))
                            .map(name -> name.split("/")[1]))
                    .containsExactlyInAnyOrder("en", "ja");
        }
    }

    @Test
    void theFunctionAndTheLayerTogetherFitLambdasUnzippedLimit() throws IOException {
        long functionBytes = LayerFolder.size(SamBuild.function().artifacts());
        long layerBytes = LayerFolder.size(SamBuild.tesseractLayer().artifacts());
        System.out.printf(
                "function artifact: %.1f MB unzipped; Tesseract layer: %.1f MB; together %.1f MB of %d MB%n",
                mb(functionBytes),
                mb(layerBytes),
                mb(functionBytes + layerBytes),
                LayerFolder.UNZIPPED_LIMIT_BYTES >> 20);

        assertThat(functionBytes + layerBytes).isLessThan(LayerFolder.UNZIPPED_LIMIT_BYTES);
    }

    @Test
    void theFunctionBuildCompilesNoTestsAndUnpacksNoServer() {
        List<String> scratch = SamBuild.function().scratchFiles();

        assertThat(scratch)
                .contains("target/classes")
                .doesNotContain(
                        "target/test-classes",
                        "target/opensearch",
                        "target/tesseract-layer",
                        "target/failsafe-reports");
    }

    @Test
    void theLayerBuildsFromItsOwnFolderWithTheNativesOfBothArchitectures() throws IOException {
        SamBuild.Built layer = SamBuild.tesseractLayer();

        assertThat(layer.scratchFiles()).containsExactly("", "Makefile");
        for (String architecture : List.of("x86_64", "arm64")) {
            assertThat(TesseractLayer.natives(layer.artifacts(), architecture).resolve("libtesseract.so"))
                    .isRegularFile();
        }
        assertThat(TesseractLayer.tessdata(layer.artifacts()).resolve("jpn.traineddata"))
                .isNotEmptyFile();
    }

    /** The handlers of every function whose code is the repository root (CodeUri: .). */
    private static List<String> handlers() throws IOException {
        List<String> handlers = new ArrayList<>();
        map(CloudFormationYaml.load(TEMPLATE).get("Resources")).values().stream()
                .map(TemplateChecks::map)
                .filter(resource -> "AWS::Serverless::Function".equals(resource.get("Type")))
                .map(resource -> map(resource.get("Properties")))
                .filter(properties -> ".".equals(properties.get("CodeUri")))
                .forEach(properties -> handlers.add(String.valueOf(properties.get("Handler"))));
        assertThat(handlers).hasSize(2);
        return handlers;
    }

    /**
     * The runtime-scope jars of this build (lambda.classpath, written at package) named as
     * {@code dependency:copy-dependencies -Dmdep.prependGroupId=true} names them: groupId.file.
     */
    private static List<String> runtimeJarNames() throws IOException {
        Path repository = Path.of(System.getProperty("docindexer.maven.repository"));
        String classpath = Files.readString(
                        Path.of(System.getProperty("docindexer.lambda.classpath")), StandardCharsets.UTF_8)
                .strip();
        List<String> names = new ArrayList<>();
        for (String jar : classpath.split(File.pathSeparator)) {
            Path relative = repository.relativize(Path.of(jar));
            // group/path/artifactId/version/file.jar
            Path group = relative.subpath(0, relative.getNameCount() - 3);
            names.add(group.toString().replace('/', '.') + "." + relative.getFileName());
        }
        return names;
    }

    private static List<String> jarNames(Path lib) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.map(jar -> jar.getFileName().toString()).toList();
        }
    }

    private static List<String> topLevelEntries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).toList();
        }
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
