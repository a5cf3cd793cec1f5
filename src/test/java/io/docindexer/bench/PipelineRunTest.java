package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PipelineRunTest {

    private static final ExtractOnlyJvm.Result EXTRACT_ONLY =
            new ExtractOnlyJvm.Result(100_000, 6_000_000_000L, 2000, 0);
    /** 2000 documents: 9 s of function CPU, 250 s billed over 400 invocations. */
    private static final FunctionWork FUNCTION = new FunctionWork(9_000_000_000L, 250, 400);

    @Test
    void aCompleteRunPrintsItsRatesOverheadAndCost() {
        ObjectNode line =
                new PipelineRun(2000, 2000, 2000, 12_000.4, 4624, 7624, 2000, 0).json(EXTRACT_ONLY, 42482, FUNCTION);

        assertThat(line.get("complete").asBoolean()).isTrue();
        assertThat(line.get("indexCount").asLong()).isEqualTo(2000);
        assertThat(line.get("docsPerMinute").asLong()).isEqualTo(12_000);
        assertThat(line.get("pagesPerMinute").asLong()).isEqualTo(12_000);
        assertThat(line.get("ratio").asDouble()).isEqualTo(0.12);
        assertThat(line.get("p99Millis").asLong()).isEqualTo(7624);
        assertThat(line.get("extractCpuMsPerDoc").asDouble()).isEqualTo(3.0);
        assertThat(line.get("handlerCpuMsPerDoc").asDouble()).isEqualTo(4.5);
        assertThat(line.get("overhead").asDouble()).isEqualTo(1.5);
        assertThat(line.get("functionSecondsPerDoc").asDouble()).isEqualTo(0.125);
        // 250 s x 4 GB x $0.0000166667 + 400 requests x $0.0000002, over 2000 documents, x 1000.
        assertThat(line.get("usdPer1000Docs").asDouble()).isEqualTo(0.00837);
        assertThat(line.get("managedOcrUsdPer1000Docs").asDouble()).isEqualTo(1.5);
    }

    @Test
    void aPartialRunPrintsNoRateOverheadOrCost() {
        ObjectNode line = new PipelineRun(2000, 1990, 1990, 15600, 4624, Long.MAX_VALUE, 1990, 0)
                .json(EXTRACT_ONLY, 42482, FUNCTION);

        assertThat(line.get("complete").asBoolean()).isFalse();
        assertThat(line.get("searchable").asInt()).isEqualTo(1990);
        assertThat(line.get("indexCount").asLong()).isEqualTo(1990);
        for (String figure : new String[] {
            "docsPerMinute", "pagesPerMinute", "ratio", "p99Millis", "overhead", "handlerCpuMsPerDoc", "usdPer1000Docs"
        }) {
            assertThat(line.get(figure).isNull()).as(figure).isTrue();
        }
    }

    @Test
    void anIndexHoldingMoreThanWasSentIsNotComplete() {
        assertThat(new PipelineRun(10, 10, 11, 600, 1, 2, 10, 0).complete()).isFalse();
    }
}
