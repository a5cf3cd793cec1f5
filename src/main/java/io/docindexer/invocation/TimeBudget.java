package io.docindexer.invocation;

import java.util.function.LongSupplier;

/**
 * The invocation's remaining time, less a safety margin for the bulk write and the response: a
 * record that cannot finish is better left to SQS than killed half-way by the Lambda timeout.
 */
public final class TimeBudget {

    private final LongSupplier remainingMillis;
    private final long safetyMarginMillis;

    public TimeBudget(LongSupplier remainingMillis, long safetyMarginMillis) {
        this.remainingMillis = remainingMillis;
        this.safetyMarginMillis = safetyMarginMillis;
    }

    public boolean allowsStart() {
        return remainingMillis.getAsLong() > safetyMarginMillis;
    }
}
