package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PipelineRunTest {

    @Test
    void aCompleteRunPrintsItsRate() {
        ObjectNode line = new PipelineRun(2000, 2000, 2000, 15702.4, 4624, 7624).json(112842, 42482);

        assertThat(line.get("complete").asBoolean()).isTrue();
        assertThat(line.get("indexCount").asLong()).isEqualTo(2000);
        assertThat(line.get("docsPerMinute").asLong()).isEqualTo(15702);
        assertThat(line.get("ratio").asDouble()).isEqualTo(0.139);
        assertThat(line.get("p99Millis").asLong()).isEqualTo(7624);
    }

    @Test
    void aPartialRunPrintsNoRate() {
        ObjectNode line = new PipelineRun(2000, 1990, 1990, 15600, 4624, Long.MAX_VALUE).json(112842, 42482);

        assertThat(line.get("complete").asBoolean()).isFalse();
        assertThat(line.get("searchable").asInt()).isEqualTo(1990);
        assertThat(line.get("indexCount").asLong()).isEqualTo(1990);
        assertThat(line.get("docsPerMinute").isNull()).isTrue();
        assertThat(line.get("ratio").isNull()).isTrue();
        assertThat(line.get("p99Millis").isNull()).isTrue();
    }

    @Test
    void anIndexHoldingMoreThanWasSentIsNotComplete() {
        assertThat(new PipelineRun(10, 10, 11, 600, 1, 2).complete()).isFalse();
    }
}
