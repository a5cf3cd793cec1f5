package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageLanguageTest {

    @Test
    void aPageMostlyOfKanjiAndKanaIsJapanese() {
        assertThat(PageLanguage.of("請求番号 INV-2026-0418 ご請求金額 ¥218,900")).isEqualTo("jpn");
    }

    @Test
    void aLatinPageIsEnglish() {
        assertThat(PageLanguage.of("The quick brown dog jumped over the lazy fox"))
                .isEqualTo("eng");
    }

    @Test
    void aPageWithoutLettersGoesWithEnglish() {
        assertThat(PageLanguage.of("")).isEqualTo("eng");
        assertThat(PageLanguage.of("12 345 - 678")).isEqualTo("eng");
    }

    @Test
    void groupsByTheGroundTruthElseByWhatTheReferenceRead() {
        Path contract = Path.of("/corpus/contract.png");
        Path scan = Path.of("/corpus/scan.png");
        Path blank = Path.of("/corpus/blank.png");
        GroundTruth truth = GroundTruth.none().with(Map.of(contract, "業務委託契約書"));

        // The reference misread the contract as Latin: the ground truth decides, not the reading.
        Map<String, List<Integer>> groups =
                PageLanguage.groups(List.of(contract, scan, blank), truth, List.of("xx", "議事録", ""));

        assertThat(groups).containsExactly(Map.entry("eng", List.of(2)), Map.entry("jpn", List.of(0, 1)));
    }

    @Test
    void aJapanesePageInVerticalWritingIsAGroupOfItsOwn() {
        Path notice = Path.of("/corpus/notice-vertical.png");
        GroundTruth truth = GroundTruth.none().with(Map.of(notice, "社内通知"));

        assertThat(PageLanguage.groups(List.of(notice), truth, List.of("HEER")))
                .containsExactly(Map.entry("jpn_vert", List.of(0)));
    }
}
