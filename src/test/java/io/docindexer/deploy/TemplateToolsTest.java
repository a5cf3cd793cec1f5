package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code sam validate --lint} and {@code sam deploy} do to template.yaml, with the tools
 * themselves: cfn-lint finds nothing, and aws-sam-translator (the AWS::Serverless transform) turns
 * the packaged template into plain CloudFormation (src/test/resources/sam/transform.py). Both are
 * Python tools; where they are not installed these tests are skipped and say so.
 */
class TemplateToolsTest {

    private static final Path TEMPLATE = Path.of("template.yaml");
    private static final Path TRANSFORM = Path.of("src/test/resources/sam/transform.py");

    @Test
    void cfnLintFindsNoErrorAndNoWarning() throws Exception {
        assumeTrue(runs("cfn-lint", "--version"), "cfn-lint is not installed");

        Result lint = run("cfn-lint", TEMPLATE.toString());

        assertThat(lint.output()).as("cfn-lint template.yaml").isEmpty();
        assertThat(lint.exitCode()).isZero();
    }

    @Test
    void theSamTransformMakesTheFunctionsTheirQueueMappingAndTheLayer() throws Exception {
        assumeTrue(runs("python3", "-c", "import samtranslator"), "aws-sam-translator is not installed");

        Result transform = run("python3", TRANSFORM.toString(), TEMPLATE.toString());

        assertThat(transform.exitCode()).as(transform.output()).isZero();
        assertThat(transform.output())
                .contains(
                        "\"AWS::Lambda::Function\"",
                        "\"AWS::Lambda::EventSourceMapping\"",
                        "\"AWS::Lambda::LayerVersion\"",
                        "\"AWS::Lambda::Alias\"");
    }

    @Test
    void theSamTransformRejectsAnEventTypeThatDoesNotExist(@TempDir Path folder) throws Exception {
        assumeTrue(runs("python3", "-c", "import samtranslator"), "aws-sam-translator is not installed");
        Path broken = folder.resolve("template.yaml");
        Files.writeString(broken, Files.readString(TEMPLATE).replace("Type: SQS\n", "Type: SQSQueue\n"));

        Result transform = run("python3", TRANSFORM.toString(), broken.toString());

        assertThat(transform.exitCode()).isEqualTo(1);
        assertThat(transform.output()).contains("IngestQueueMessages");
    }

    private record Result(int exitCode, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        // The translator builds ARNs for the region the deploy targets.
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as(String.join(" ", command) + " finished")
                .isTrue();
        return new Result(process.exitValue(), output.strip());
    }

    private static boolean runs(String... command) {
        try {
            return run(command).exitCode() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
