package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuClockTest {

    private static final long BURN_NANOS = 200_000_000L;
    /** /proc counts in 10 ms ticks, and this JVM's other threads add a little. */
    private static final long TICK_SLACK_NANOS = 30_000_000L;

    @Test
    void readsAProcessCpuTimeFromProcAsTheJvmCountsItsOwn() {
        long pid = ProcessHandle.current().pid();
        long procBefore = CpuClock.processNanos(pid);
        long ownBefore = CpuClock.ownNanos();

        burnCpuUntil(ownBefore + BURN_NANOS);

        long ownUsed = CpuClock.ownNanos() - ownBefore;
        long procUsed = CpuClock.processNanos(pid) - procBefore;
        assertThat(procUsed)
                .isGreaterThanOrEqualTo(ownUsed - TICK_SLACK_NANOS)
                .isLessThan(ownUsed * 2 + TICK_SLACK_NANOS);
    }

    @Test
    void aProcessThatHasExitedCountsNothing() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();

        assertThat(CpuClock.processNanos(process.pid())).isZero();
    }

    private static void burnCpuUntil(long ownNanos) {
        long x = 1;
        while (CpuClock.ownNanos() < ownNanos) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        assertThat(x).isNotEqualTo(0); // keeps the loop from being optimised away
    }
}
