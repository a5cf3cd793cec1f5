package io.docindexer.extract;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The languages of extracted text, as ISO 639-1 codes, with Lingua restricted to the languages the
 * function reads (English and Japanese, the default OCR languages). With two languages of
 * different scripts Lingua decides by its rules on the characters and loads no n-gram model, so
 * building it costs about 50 ms and no heap worth naming (measured in the closing note of issue 13).
 *
 * <p>Text is judged line by line and weighed by the room its letters take, because a Japanese
 * contract with an English heading is mostly Japanese, and one verdict for the whole text would
 * hide the English.
 * Thread-safe, like the Lingua detector it holds.
 */
final class LanguageDetection {

    // A language with less than this share of a text's letters is noise (a company name, a header).
    private static final double MINOR_SHARE = 0.1;
    // Fewer letters than this on a line say nothing about its language (page numbers, "No.").
    private static final int MIN_LETTERS_PER_LINE = 2;

    private final LanguageDetector detector = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.JAPANESE)
            .build();

    /** The text's languages, the one taking most room first; empty when it has too few letters to tell. */
    List<String> languagesOf(String text) {
        return prominent(letterCounts(text));
    }

    /** The languages of several texts taken together (a document's pages). */
    List<String> languagesOf(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        texts.forEach(text -> letterCounts(text).forEach((code, letters) -> counts.merge(code, letters, Integer::sum)));
        return prominent(counts);
    }

    private Map<String, Integer> letterCounts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : text.split("\\R")) {
            int letters = (int) line.codePoints().filter(Character::isLetter).count();
            if (letters < MIN_LETTERS_PER_LINE) {
                continue;
            }
            Language language = detector.detectLanguageOf(line);
            if (language != Language.UNKNOWN) {
                counts.merge(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT), width(line), Integer::sum);
            }
        }
        return counts;
    }

    /** The room a line's letters take on a page: a Japanese character is as wide as two Latin letters. */
    private static int width(String line) {
        return line.codePoints()
                .filter(Character::isLetter)
                .map(letter -> Character.isIdeographic(letter) || isKana(letter) ? 2 : 1)
                .sum();
    }

    private static boolean isKana(int letter) {
        Character.UnicodeScript script = Character.UnicodeScript.of(letter);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    private static List<String> prominent(Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return counts.entrySet().stream()
                .filter(entry -> entry.getValue() >= total * MINOR_SHARE)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
