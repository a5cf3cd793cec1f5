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

    @Test
    void spacesAnEnginePutsBetweenJapaneseCharactersAreNotErrors() {
        // eng+jpn without preserve_interword_spaces spaces out Japanese; the words are all there.
        assertThat(CharacterErrorRate.of("第3条（秘密保持）乙は、", "第 3 条 ( 秘 密 保 持 ) 乙 は 、")
                        .edits())
                .isZero();
    }

    @Test
    void spacesBetweenLatinWordsStillCount() {
        assertThat(CharacterErrorRate.of("INV-2026 請求書 total due", "INV-2026請求書 totaldue")
                        .edits())
                .isEqualTo(1);
    }

    @Test
    void fullWidthFormsCountAsTheirAsciiForms() {
        assertThat(CharacterErrorRate.of("（税込）１２０円", "(税込)120円").edits()).isZero();
    }
}
