package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docindexer.cli.UsageException;
import io.docindexer.local.RuntimeClientLaunch;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineOptionsTest {

    @Test
    void textPdfsWithLambdasFlagsByDefault() {
        PipelineOptions options = PipelineOptions.parse(List.of());

        assertThat(options.documents()).isEqualTo(PipelineOptions.Documents.TEXT);
        assertThat(options.docs()).isEqualTo(2000);
        assertThat(options.javaOptions()).isEqualTo(RuntimeClientLaunch.LAMBDA_JAVA_OPTIONS);
    }

    @Test
    void theMixTakesItsOwnDefaultCountAndOtherFlags() {
        PipelineOptions options =
                PipelineOptions.parse(List.of("--mix", "--java-options", " -XX:+UseSerialGC  -XX:TieredStopAtLevel=4"));

        assertThat(options.documents()).isEqualTo(PipelineOptions.Documents.MIX);
        assertThat(options.docs()).isEqualTo(400);
        assertThat(options.javaOptions()).containsExactly("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4");
    }

    @Test
    void scansAndTheMixExcludeEachOther() {
        assertThatThrownBy(() -> PipelineOptions.parse(List.of("--scanned", "--mix")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> PipelineOptions.parse(List.of("--docs", "0"))).isInstanceOf(UsageException.class);
    }
}
