package io.docindexer.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosReportTest {

    @Test
    void passesOnlyWithExactlyThePoisonInTheDlqAndNothingElseWrong() {
        assertThat(report(2, 2, 2, 0, List.of()).passed()).isTrue();
        assertThat(report(2, 3, 2, 0, List.of()).passed())
                .as("a batch-mate dead-lettered")
                .isFalse();
        assertThat(report(2, 2, 1, 0, List.of()).passed())
                .as("a poison not in the DLQ")
                .isFalse();
        assertThat(report(0, 0, 0, 1, List.of()).passed())
                .as("a valid file without text")
                .isFalse();
        assertThat(report(0, 0, 0, 0, List.of("fault never fired: runtimeKilled"))
                        .passed())
                .isFalse();
    }

    @Test
    void theLastLineNamesTheDeliveriesAndEveryFaultKind() {
        String json = report(1, 1, 1, 0, List.of()).json();

        assertThat(json)
                .startsWith("{\"docs\":10,\"poison\":1,")
                .contains("\"poisonInDlq\":1", "\"receivesPerMessage\":1.33", "\"faults\":{\"runtimeKilled\":4}")
                .endsWith("\"passed\":true}");
    }

    private static ChaosReport report(int poison, int inDlq, int poisonInDlq, int metadataOnly, List<String> problems) {
        return new ChaosReport(
                10,
                poison,
                5,
                metadataOnly,
                2,
                inDlq,
                poisonInDlq,
                0,
                0,
                0,
                4 / 3.0,
                Map.of("runtimeKilled", 4),
                12,
                problems);
    }
}
