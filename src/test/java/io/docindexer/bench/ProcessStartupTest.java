package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessStartupTest {

    @Test
    void takesEveryFilesStartUpOffSpreadOverTheProcessesRunningAtOnce() {
        // 300 files x 10 ms on 2 processes: 1.5 s of a 4 s pass.
        assertThat(new ProcessStartup(10).secondsWithout(4.0, 300, 2)).isEqualTo(2.5);
    }

    @Test
    void neverBelowZero() {
        assertThat(new ProcessStartup(10).secondsWithout(1.0, 300, 2)).isZero();
    }
}
