package io.docindexer.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chaos harness at a small size: every fault kind (an OpenSearch restart, S3 throttling that
 * reaches the handler, abandoned invocations, function processes killed with SIGKILL and run out
 * of memory by a poison document, duplicated and reordered events) fires, and still nothing is
 * lost, duplicated or stale, and only the poison document is dead-lettered.
 */
@ExtendWith(LocalServersExtension.class)
class ChaosIT {

    @Test
    @Timeout(300)
    void afterFaultsEndEveryKeyShowsItsLastOperationAndOnlyThePoisonIsDeadLettered(LocalServers stack)
            throws Exception {
        ChaosPlan plan = new ChaosPlan(
                60, 42, Duration.ofSeconds(2), 0.1, 0.1, 0.3, 0.1, 15, 20, 5, 6, 1, 256, Duration.ofSeconds(150));

        ChaosReport report = new ChaosRun(stack, plan, System.err).run();

        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.poisonInDlq()).isEqualTo(1);
        assertThat(report.inDlq()).isEqualTo(1);
        assertThat(report.faults())
                .allSatisfy((kind, count) -> assertThat(count).as(kind).isPositive());
        assertThat(report.indexed()).as("keys whose last operation is a put").isPositive();
        assertThat(report.receivesPerMessage()).isGreaterThanOrEqualTo(1);
    }
}
