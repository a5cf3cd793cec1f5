package io.docindexer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.local.SamLocalInvokeSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * samconfig.toml gives {@code sam local invoke} what the README promises: the env-vars file
 * {@code ./docindexer stack} writes, and the name its URLs use for the Docker host mapped to it.
 */
class SamConfigTest {

    @Test
    void localInvokeUsesTheStacksEnvVarsFileAndMapsItsHostNameToTheDockerHost() throws IOException {
        Map<String, String> localInvoke = section("default.local_invoke.parameters");

        assertThat(localInvoke)
                .containsEntry("env_vars", SamLocalInvokeSetup.ENV_VARS_FILE.toString())
                .containsEntry("add_host", "[\"" + SamLocalInvokeSetup.CONTAINER_HOST + ":host-gateway\"]")
                .doesNotContainKey("docker_network");
    }

    /**
     * The values of one table as written (strings without their quotes); enough TOML for
     * samconfig.toml's flat {@code key = value} lines.
     */
    private static Map<String, String> section(String name) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("samconfig.toml"), StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                inSection = trimmed.equals("[" + name + "]");
            } else if (inSection && trimmed.matches("\\w+\\s*=.+")) {
                int equals = trimmed.indexOf('=');
                String value = trimmed.substring(equals + 1).strip();
                values.put(
                        trimmed.substring(0, equals).strip(),
                        value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
        }
        return values;
    }
}
