package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How SAM CLI fills template.yaml's function environments for {@code sam local invoke}. */
class SamLocalEnvironmentTest {

    private static SamLocalEnvironment sam;

    @BeforeAll
    static void loadTemplate() throws IOException {
        sam = new SamLocalEnvironment(CloudFormationYaml.load(Path.of("template.yaml")));
    }

    @Test
    void withoutAnEnvVarsFileWhatOnlyAStackKnowsIsUnusable() {
        Map<String, String> env = sam.of("IngestFunction", Map.of(), Map.of(), SamLocalEnvironment.Credentials.NONE);

        assertThat(env)
                .containsEntry("OPENSEARCH_ENDPOINT", "https://$SearchDomain.DomainEndpoint")
                .containsEntry("CACHE_BUCKET", "ExtractionCacheBucket")
                .containsEntry("THUMBNAIL_BUCKET", "ThumbnailBucket")
                .containsEntry("DLQ_URL", "DeadLetterQueue")
                .containsEntry("S3_ENDPOINT", "")
                .containsEntry("SQS_ENDPOINT", "");
    }

    @Test
    void parametersTakeTheirDefaultsAndTheArchitecturePicksTheNativesFolder() {
        Map<String, String> env = sam.of("IngestFunction", Map.of(), Map.of(), SamLocalEnvironment.Credentials.NONE);

        assertThat(env)
                .containsEntry("INDEX_NAME", "documents")
                .containsEntry("OCR_LANGUAGES", "eng+jpn")
                .containsEntry("MAX_PAGES", "2000")
                .containsEntry("JAVA_TOOL_OPTIONS", "-Djna.library.path=/opt/lib/x86_64")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "4096")
                .containsEntry("AWS_LAMBDA_LOG_FORMAT", "JSON")
                .containsEntry("AWS_ACCESS_KEY_ID", "defaultkey");
    }

    @Test
    void theFunctionsSectionOverridesTheParametersSectionWhichOverridesTheShell() {
        Map<String, Map<String, Object>> envVars = Map.of(
                "Parameters", Map.of("INDEX_NAME", "from-parameters", "OCR_LANGUAGES", "jpn"),
                "IngestFunction", Map.of("INDEX_NAME", "from-function"));

        Map<String, String> env = sam.of(
                "IngestFunction",
                envVars,
                Map.of("OCR_LANGUAGES", "eng", "MAX_PAGES", "7"),
                SamLocalEnvironment.Credentials.NONE);

        assertThat(env)
                .containsEntry("INDEX_NAME", "from-function")
                .containsEntry("OCR_LANGUAGES", "jpn")
                .containsEntry("MAX_PAGES", "7");
    }

    @Test
    void aVariableTheTemplateDoesNotDeclareIsNeverPassed() {
        Map<String, Map<String, Object>> envVars =
                Map.of("RedriveFunction", Map.of("S3_ENDPOINT", "http://127.0.0.1:9325"));

        Map<String, String> env = sam.of(
                "RedriveFunction",
                envVars,
                Map.of("S3_ENDPOINT", "http://127.0.0.1:1"),
                SamLocalEnvironment.Credentials.NONE);

        assertThat(env).doesNotContainKey("S3_ENDPOINT");
    }
}
