package io.docindexer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {

    @TempDir
    Path jvms;

    @Test
    void picksTheNewestInstalledJdkWhenTheRunningOneIsTooOld() throws IOException {
        Path running = fakeJdk("java-17", "17.0.15");
        fakeJdk("jdk-21", "21.0.5");
        Path newest = fakeJdk("temurin-25", "25.0.3");

        assertThat(new JdkLocator(Map.of(), running, jvms).locate()).isEqualTo(newest);
    }

    @Test
    void prefersTheRunningJdkWhenItIsNewEnough() throws IOException {
        Path running = fakeJdk("jdk-21", "21.0.5");
        fakeJdk("temurin-25", "25.0.3");

        assertThat(new JdkLocator(Map.of(), running, jvms).locate()).isEqualTo(running);
    }

    @Test
    void theOverrideWins() throws IOException {
        Path running = fakeJdk("temurin-25", "25.0.3");
        Path chosen = fakeJdk("custom", "21.0.1");

        assertThat(new JdkLocator(Map.of(JdkLocator.OVERRIDE_VARIABLE, chosen.toString()), running, jvms).locate())
                .isEqualTo(chosen);
    }

    @Test
    void saysWhatToDoWhenNoJdkIsNewEnough() throws IOException {
        Path running = fakeJdk("java-17", "17.0.15");

        assertThatIllegalStateException()
                .isThrownBy(() -> new JdkLocator(Map.of(), running, jvms).locate())
                .withMessageContaining("JDK 21 or newer")
                .withMessageContaining(JdkLocator.OVERRIDE_VARIABLE);
    }

    @Test
    void anOverrideWithoutBinJavaIsReported() {
        Map<String, String> env =
                Map.of(JdkLocator.OVERRIDE_VARIABLE, jvms.resolve("missing").toString());

        assertThatIllegalStateException()
                .isThrownBy(() -> new JdkLocator(env, jvms, jvms).locate())
                .withMessageContaining("is not an executable");
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.createFile(java, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        return home;
    }
}
