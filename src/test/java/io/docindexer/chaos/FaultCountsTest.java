package io.docindexer.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultCountsTest {

    @Test
    void aPlannedKindThatNeverFiredIsNamedAndAnUnplannedOneIsOnlyCounted() {
        FaultCounts faults = new FaultCounts();
        faults.plan(FaultCounts.RUNTIME_KILLED);
        faults.plan(FaultCounts.RUNTIME_OUT_OF_MEMORY);
        faults.fired(FaultCounts.RUNTIME_KILLED);
        faults.add("runtimeExit1", 0);
        assertThat(faults.count("never named")).isZero();

        assertThat(faults.neverFired()).containsExactly(FaultCounts.RUNTIME_OUT_OF_MEMORY);
        assertThat(faults.asMap())
                .containsExactly(
                        java.util.Map.entry(FaultCounts.RUNTIME_KILLED, 1),
                        java.util.Map.entry(FaultCounts.RUNTIME_OUT_OF_MEMORY, 0),
                        java.util.Map.entry("runtimeExit1", 0));
    }
}
