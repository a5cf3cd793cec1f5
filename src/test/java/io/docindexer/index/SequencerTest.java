package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SequencerTest {

    @Test
    void padsOnTheRightToAFixedWidthAndUpperCases() {
        assertThat(Sequencer.normalise("0055aed6dcd90281e5"))
                .hasSize(Sequencer.WIDTH)
                .isEqualTo("0055AED6DCD90281E500000000000000");
    }

    @Test
    void normalisedValuesCompareAsAwsDocumentsForSequencersOfDifferentLength() {
        // AWS: right-pad the shorter value with zeros, then compare lexicographically.
        assertThat(Sequencer.normalise("0055AED6DCD90281E6")).isGreaterThan(Sequencer.normalise("0055AED6DCD90281E5"));
        assertThat(Sequencer.normalise("0055AED6DCD90281E51")).isGreaterThan(Sequencer.normalise("0055AED6DCD90281E5"));
        assertThat(Sequencer.normalise("0055AED6DCD90281E5")).isEqualTo(Sequencer.normalise("0055AED6DCD90281E500"));
    }

    @Test
    void caseDoesNotChangeTheOrder() {
        assertThat(Sequencer.normalise("00ff")).isEqualTo(Sequencer.normalise("00FF"));
    }

    @Test
    void aMissingSequencerIsTheOldestPossible() {
        assertThat(Sequencer.normalise(null)).isEqualTo("0".repeat(Sequencer.WIDTH));
        assertThat(Sequencer.normalise("")).isEqualTo(Sequencer.normalise(null));
        assertThat(Sequencer.normalise(null)).isLessThan(Sequencer.normalise("0000000000000000001"));
    }

    @Test
    void rejectsValuesThatAreNotHexOrTooLong() {
        assertThatIllegalArgumentException().isThrownBy(() -> Sequencer.normalise("0055-AED6"));
        assertThatIllegalArgumentException().isThrownBy(() -> Sequencer.normalise("1".repeat(Sequencer.WIDTH + 1)));
    }
}
