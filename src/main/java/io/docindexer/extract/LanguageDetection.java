package io.docindexer.extract;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The languages of extracted text, as ISO 639-1 codes, with Lingua restricted to the languages the
 * function reads (English and Japanese, the default OCR languages). With two languages of
 * different scripts Lingua decides by its rules on the characters and loads no n-gram model, so
 * building it costs about 50 ms and no heap worth naming (docs/search.md).
 *
 * <p>Text is judged line by line and weighed by the room its letters take, because a Japanese
 * contract with an English heading is mostly Japanese, and one verdict for the whole text would
 * hide the English. Thread-safe, like the Lingua detector it holds.
 */
final class LanguageDetection {

    // Fewer letters than this on a line say nothing about its language (page numbers, "No.").
    private static final int MIN_LETTERS_PER_LINE = 2;

    // The artifact ships Lingua's models for these two only (pom.xml, execution lingua-models).
    private final LanguageDetector detector = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.JAPANESE)
            .build();

    /** How much room each language's lines take in the text; none when it has too few letters to tell. */
    LanguageShares sharesOf(String text) {
        Map<String, Integer> widths = new HashMap<>();
        for (String line : text.split("\\R")) {
            int letters = (int) line.codePoints().filter(Character::isLetter).count();
            if (letters < MIN_LETTERS_PER_LINE) {
                continue;
            }
            Language language = detector.detectLanguageOf(line);
            if (language != Language.UNKNOWN) {
                widths.merge(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT), width(line), Integer::sum);
            }
        }
        return new LanguageShares(widths);
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
}
