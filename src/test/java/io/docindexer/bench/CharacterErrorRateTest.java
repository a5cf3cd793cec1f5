package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharacterErrorRateTest {

    @Test
    void identicalTextHasNoErrors() {
        assertThat(CharacterErrorRate.of("The quick brown dog", "The quick brown dog")
                        .percent())
                .isZero();
    }

    @Test
    void countsSubstitutionsInsertionsAndDeletionsOverTheGroundTruthLength() {
        // "dog" -> "dig" (1), "brown" -> "brwn" (1), "!" added (1): 3 edits over 19 characters.
        CharacterErrorRate rate = CharacterErrorRate.of("The quick brown dog", "The quick brwn dig!");

        assertThat(rate.edits()).isEqualTo(3);
        assertThat(rate.truthLength()).isEqualTo(19);
    }

    @Test
    void layoutWhiteSpaceIsNotAnError() {
        assertThat(CharacterErrorRate.of("  two\nlines \n", "two lines").edits())
                .isZero();
    }

    @Test
    void japaneseCountsCodePoints() {
        CharacterErrorRate rate = CharacterErrorRate.of("日本語の文書", "日本誤の文書");

        assertThat(rate.edits()).isEqualTo(1);
        assertThat(rate.truthLength()).isEqualTo(6);
    }

    @Test
    void nothingReadIsAHundredPercent() {
        assertThat(CharacterErrorRate.of("abcd", "").percent()).isEqualTo(100.0);
    }

    @Test
    void filesAddUpByCharactersNotByAverage() {
        CharacterErrorRate total = CharacterErrorRate.of("ab", "").plus(CharacterErrorRate.of("abcdefgh", "abcdefgh"));

        assertThat(total.percent()).isEqualTo(20.0);
    }
}
