package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColdStartBenchmarkTest {

    @Test
    void readsTheFeatureVersionFromWhatJavaVersionPrints() {
        assertThat(ColdStartBenchmark.featureVersion("openjdk version \"21.0.5\" 2024-10-15 LTS"))
                .isEqualTo(21);
        assertThat(ColdStartBenchmark.featureVersion("openjdk version \"25\" 2025-09-16"))
                .isEqualTo(25);
        assertThat(ColdStartBenchmark.featureVersion("java version \"1.8.0_392\""))
                .isEqualTo(8);
    }

    @Test
    void aLineWithoutAVersionIsAnError() {
        assertThatThrownBy(() -> ColdStartBenchmark.featureVersion("Error: could not find libjava.so"))
                .hasMessageContaining("cannot read a Java version");
    }
}
