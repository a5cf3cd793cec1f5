package io.docindexer.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** Draws the lowest value every time: the shortest delays jitter can give. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    /** Draws the highest value every time: no jitter taken off. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private static Backoff defaults(RandomGenerator random) {
        return new Backoff(Duration.ofMinutes(20), Duration.ofHours(4), random);
    }

    @Test
    void theDelayDoublesWithEachDeliveryUpToTheMaximum() {
        Backoff backoff = defaults(HIGHEST);

        assertThat(IntStream.rangeClosed(1, 7).mapToObj(backoff::after).map(Duration::toMinutes))
                .containsExactly(20L, 40L, 80L, 160L, 240L, 240L, 240L);
    }

    @Test
    void jitterTakesOffAtMostHalf() {
        Backoff lowest = defaults(LOWEST);
        Backoff random = defaults(new SplittableRandom(7));

        assertThat(IntStream.rangeClosed(1, 6).mapToObj(lowest::after).map(Duration::toMinutes))
                .containsExactly(10L, 20L, 40L, 80L, 120L, 120L);
        for (int delivery = 1; delivery <= 6; delivery++) {
            Duration ceiling = defaults(HIGHEST).after(delivery);
            for (int draw = 0; draw < 100; draw++) {
                assertThat(random.after(delivery)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void withTheDefaultsAndMaxReceiveCountFiveATwoHourOutageEndsBeforeTheLastDelivery() {
        Backoff backoff = defaults(LOWEST);

        // Delivery 5 (the last before the DLQ) comes after the delays that follow deliveries 1 to 4.
        Duration untilTheLastDelivery =
                IntStream.rangeClosed(1, 4).mapToObj(backoff::after).reduce(Duration.ZERO, Duration::plus);

        assertThat(untilTheLastDelivery).isEqualTo(Duration.ofMinutes(150)).isGreaterThan(Duration.ofHours(2));
    }

    @Test
    void aDelaySqsWouldRefuseIsRefusedAtOnce() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofHours(13), LOWEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT12H");
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1), LOWEST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReceiveCountTooLargeToDoubleStaysAtTheMaximum() {
        assertThat(defaults(HIGHEST).after(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(4));
    }
}
