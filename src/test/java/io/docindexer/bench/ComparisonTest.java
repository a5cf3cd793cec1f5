package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.bench.BenchSide.PassResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void comparisonsTogetherAddUpRoundByRound() {
        Comparison.Result english = new Comparison.Result(
                List.of(new PassResult(10, 20, 0), new PassResult(11, 21, 0)),
                List.of(new PassResult(5, 9, 0), new PassResult(6, 8, 0)));
        Comparison.Result japanese = new Comparison.Result(
                List.of(new PassResult(30, 60, 1), new PassResult(31, 61, 1)),
                List.of(new PassResult(15, 29, 1), new PassResult(16, 28, 1)));

        Comparison.Result together = Comparison.Result.together(List.of(english, japanese));

        assertThat(together.reference()).containsExactly(new PassResult(40, 80, 1), new PassResult(42, 82, 1));
        assertThat(together.ours()).containsExactly(new PassResult(20, 38, 1), new PassResult(22, 36, 1));
    }
}
