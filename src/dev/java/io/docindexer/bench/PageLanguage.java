package io.docindexer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of the function's two OCR languages a page is written in, from its text: {@code jpn} when
 * at least half of its letters are kanji or kana, else {@code eng} (a page without letters too).
 * A Japanese page in vertical writing (tategaki; RenderedScans names them {@code *-vertical}) is
 * {@code jpn_vert}, a group of its own: the models that read it differ (jpn_vert), and the
 * {@code tesseract} CLI with {@code --psm 1} takes its columns for turned lines of Latin text,
 * which, counted with the horizontal pages, would drown the comparison of the models. The
 * benchmark reports speed and error rate per language because a data variant can keep one
 * language's accuracy and lose another's.
 */
final class PageLanguage {

    static final String ENGLISH = "eng";
    static final String JAPANESE = "jpn";
    static final String JAPANESE_VERTICAL = "jpn_vert";

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
            String language = of(truth.of(files.get(i)).orElse(referenceTexts.get(i)));
            boolean vertical = files.get(i).getFileName().toString().contains("-vertical.");
            if (language.equals(JAPANESE) && vertical) {
                language = JAPANESE_VERTICAL;
            }
            groups.computeIfAbsent(language, any -> new ArrayList<>()).add(i);
        }
        return groups;
    }
}
