package io.docindexer.batch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a record that failed because OpenSearch or S3 did stays invisible before SQS delivers it
 * again: {@code first} after the first delivery, twice as long after each later one, never more
 * than {@code max}, and a random part of the second half of that taken off ("equal jitter"), so
 * that the records of one outage do not all come back in the same second. The step is the
 * message's own receive count, so no state is kept between invocations; and since the delay is
 * at least half the doubled step, a few receives span hours, which is what keeps an outage away
 * from the DLQ (README, "During an OpenSearch outage").
 *
 * @param first the longest delay after the first delivery (half of it at least)
 * @param max the longest delay at all; at most {@link #SQS_MAX}
 */
public record Backoff(Duration first, Duration max, RandomGenerator random) {

    /** The longest visibility timeout SQS accepts. */
    public static final Duration SQS_MAX = Duration.ofHours(12);

    public Backoff {
        if (first.isNegative() || first.isZero() || first.compareTo(max) > 0 || max.compareTo(SQS_MAX) > 0) {
            throw new IllegalArgumentException(
                    "backoff needs 0 < first (" + first + ") <= max (" + max + ") <= " + SQS_MAX);
        }
    }

    /** @param receiveCount the delivery that just failed, 1 for the first */
    public Duration after(int receiveCount) {
        long ceiling = ceilingSeconds(receiveCount);
        long floor = (ceiling + 1) / 2;
        return Duration.ofSeconds(floor + random.nextLong(ceiling - floor + 1));
    }

    /** The delay before jitter: {@code first} doubled for each delivery after the first, capped at {@code max}. */
    private long ceilingSeconds(int receiveCount) {
        long seconds = first.toSeconds();
        for (int delivery = 1; delivery < receiveCount && seconds < max.toSeconds(); delivery++) {
            seconds *= 2;
        }
        return Math.min(seconds, max.toSeconds());
    }
}
