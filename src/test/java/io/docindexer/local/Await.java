package io.docindexer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for asynchronous work on the local stack, failing with what was awaited after a deadline. */
public final class Await {

    private static final long POLL_MILLIS = 200;

    private Await() {}

    public static void until(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", timeout, what).isLessThan(deadline);
            Thread.sleep(POLL_MILLIS);
        }
    }
}
