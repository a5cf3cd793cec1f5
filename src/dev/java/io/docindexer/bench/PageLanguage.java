package io.docindexer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of the function's two OCR languages a page is written in, from its text: {@code jpn} when
 * at least half of its letters are kanji or kana, else {@code eng} (a page without letters too).
 * The benchmark reports speed and error rate per language because the models differ per
 * language: a data variant can keep English accuracy and lose Japanese.
 */
final class PageLanguage {

    static final String ENGLISH = "eng";
    static final String JAPANESE = "jpn";

    private PageLanguage() {}

    static String of(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long japanese = text.codePoints()
                .filter(Character::isLetter)
                .filter(CharacterErrorRate::isJapanese)
                .count();
        return letters > 0 && japanese * 2 >= letters ? JAPANESE : ENGLISH;
    }

    /**
     * The files' indexes by language, languages in name order. A file's language comes from its
     * ground truth where it has one, else from what the reference read ({@code referenceTexts}, in
     * the files' order): the reference, not ours, so our reading cannot choose its own group.
     */
    static Map<String, List<Integer>> groups(List<Path> files, GroundTruth truth, List<String> referenceTexts) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            String text = truth.of(files.get(i)).orElse(referenceTexts.get(i));
            groups.computeIfAbsent(of(text), language -> new ArrayList<>()).add(i);
        }
        return groups;
    }
}
