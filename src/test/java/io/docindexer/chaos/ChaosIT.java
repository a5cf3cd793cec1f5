package io.docindexer.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chaos harness at a small size: every fault kind (an OpenSearch restart, failing S3
 * requests, crashed invocations, duplicated and reordered events) and still nothing lost,
 * duplicated, stale or dead-lettered once the faults end.
 */
@ExtendWith(LocalServersExtension.class)
class ChaosIT {

    @Test
    @Timeout(180)
    void afterFaultsEndTheIndexMatchesTheBucketWithNothingLostDuplicatedStaleOrDeadLettered(LocalServers stack)
            throws Exception {
        ChaosPlan plan =
                new ChaosPlan(60, 42, Duration.ofSeconds(2), 0.2, 0.15, 0.1, 15, 20, 5, 20, Duration.ofSeconds(90));

        ChaosReport report = new ChaosRun(stack, plan, System.err).run();

        assertThat(report.problems()).isEmpty();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.stale()).isZero();
        assertThat(report.inDlq()).isZero();
        assertThat(report.indexed() + report.metadataOnly())
                .as("documents for the keys that exist")
                .isPositive();
    }
}
