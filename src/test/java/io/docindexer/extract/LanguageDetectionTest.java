package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

    private final LanguageDetection detection = new LanguageDetection();

    @Test
    void japaneseWithKanaAndKanji() {
        assertThat(detection.sharesOf("株式会社サンプル（以下「甲」という）は、次のとおり契約を締結する。").prominent())
                .containsExactly("ja");
    }

    @Test
    void english() {
        assertThat(detection
                        .sharesOf("The quarterly invoices were approved by finance.")
                        .prominent())
                .containsExactly("en");
    }

    @Test
    void aJapaneseContractWithAnEnglishLineIsMostlyJapaneseAndAlsoEnglish() {
        String page = """
                業務委託契約書
                株式会社サンプルと東京データ株式会社は、文書検索システムの保守業務について契約を締結する。
                Service Agreement between Sample Co., Ltd. and Tokyo Data Co., Ltd.
                """;

        assertThat(detection.sharesOf(page).prominent()).containsExactly("ja", "en");
    }

    @Test
    void aLanguageWithATinyShareOfTheLettersIsLeftOut() {
        String page = "本契約の期間は、二〇二七年四月一日から二〇二八年三月三十一日までとする。".repeat(5) + "\nOK";

        assertThat(detection.sharesOf(page).prominent()).containsExactly("ja");
    }

    @Test
    void numbersAndPunctuationSayNothing() {
        assertThat(detection.sharesOf("12,345 -- 2026/12/04 (1)").prominent()).isEmpty();
    }

    @Test
    void pagesAreWeighedTogetherByTheirLetters() {
        assertThat(LanguageShares.together(List.of(
                                detection.sharesOf("A short English page."),
                                detection.sharesOf("日本語のページはこちらの方がずっと長く、文字もたくさんあります。")))
                        .prominent())
                .containsExactly("ja", "en");
    }
}
