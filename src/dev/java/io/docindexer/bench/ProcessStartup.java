package io.docindexer.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What starting a reference tool costs before it reads a file: the median wall time of a command
 * that only starts the tool and exits ({@code pdftotext -v} loads the same program and shared
 * libraries as a real run), run one at a time. A fair comparison with a long-lived JVM takes
 * that much off every file of the reference: over a pass of F files on T processes at once,
 * F × start-up ÷ T of its wall time.
 */
record ProcessStartup(double millis) {

    private static final int RUNS = 21;

    static ProcessStartup measure(List<String> command) throws Exception {
        long[] nanos = new long[RUNS + 1];
        for (int run = 0; run <= RUNS; run++) {
            long started = System.nanoTime();
            new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            nanos[run] = System.nanoTime() - started;
        }
        // The first start loads the tool from disk: not counted, as the passes are warmed up too.
        long[] timed = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(timed);
        return new ProcessStartup(timed[timed.length / 2] / 1e6);
    }

    /** The reference's pass time without the start-ups, never below zero. */
    double secondsWithout(double passSeconds, int files, int threads) {
        return Math.max(0, passSeconds - files * millis / 1000 / threads);
    }
}
