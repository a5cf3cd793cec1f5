package io.docindexer.bench;

import io.docindexer.index.IndexedDocument;
import io.docindexer.index.PageText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multi-page documents for {@link SearchLayoutBenchmark}, the same on every run: 1 to 20 pages of
 * about 200 words each, drawn with a skew from a made-up vocabulary (a few words are common, most
 * are rare, as in real text), with a Japanese sentence on one page in four.
 */
final class BenchPages {

    private static final int VOCABULARY = 5_000;
    private static final int MAX_PAGES = 20;
    private static final int WORDS_PER_PAGE = 200;
    private static final String[] SYLLABLES = {
        "ka", "ro", "mi", "te", "su", "na", "lo", "ver", "tan", "qui", "dex", "por", "el", "an", "is", "ur"
    };
    private static final String[] JAPANESE = {
        "業務委託契約書を締結しました。", "株式会社サンプルの請求書です。", "東京都千代田区丸の内一丁目", "ご請求金額は十二万円です。",
    };

    private final List<String> vocabulary;
    private final List<List<String>> files;
    private final Random random = new Random(42);

    private BenchPages(List<String> vocabulary, List<List<String>> files) {
        this.vocabulary = vocabulary;
        this.files = files;
    }

    static BenchPages generate(int fileCount) {
        Random random = new Random(7);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder word = new StringBuilder();
            for (int n = i; word.length() == 0 || n > 0; n /= SYLLABLES.length) {
                word.append(SYLLABLES[n % SYLLABLES.length]);
            }
            vocabulary.add(word.toString());
        }
        List<List<String>> files = new ArrayList<>();
        for (int file = 0; file < fileCount; file++) {
            int pages = 1 + random.nextInt(MAX_PAGES);
            List<String> pageTexts = new ArrayList<>();
            for (int page = 0; page < pages; page++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < WORDS_PER_PAGE; w++) {
                    text.append(vocabulary.get(skewed(random))).append(w % 15 == 14 ? ".\n" : " ");
                }
                if (random.nextInt(4) == 0) {
                    text.append(JAPANESE[random.nextInt(JAPANESE.length)]);
                }
                pageTexts.add(text.toString());
            }
            files.add(pageTexts);
        }
        return new BenchPages(vocabulary, files);
    }

    /** Mostly rare words, a few very common: the square of a uniform draw leans to the low indices. */
    private static int skewed(Random random) {
        double u = random.nextDouble();
        return (int) (u * u * VOCABULARY);
    }

    int fileCount() {
        return files.size();
    }

    int pageCount() {
        return files.stream().mapToInt(List::size).sum();
    }

    List<String> pages(int file) {
        return files.get(file);
    }

    static String key(int file) {
        return "bench/file-" + file + ".pdf";
    }

    IndexedDocument document(int file) {
        List<String> texts = files.get(file);
        List<PageText> pages = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            pages.add(new PageText(i + 1, texts.get(i), false));
        }
        String content = String.join("\n\n", texts);
        Instant modified = Instant.parse("2026-01-01T00:00:00Z");
        return new IndexedDocument(
                "bench",
                key(file),
                "v1",
                "etag",
                "0A",
                content.length(),
                "application/pdf",
                "pdf",
                "indexed",
                null,
                pages.size(),
                0,
                false,
                content,
                pages,
                modified,
                Map.of(),
                List.of(),
                null,
                Map.of(),
                modified,
                null);
    }

    /** Two words each: half of them side by side somewhere in a page (a phrase), half drawn apart. */
    List<String> queries(int count) {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                List<String> pages = files.get(random.nextInt(files.size()));
                String[] words = pages.get(random.nextInt(pages.size())).split("[ .\n]+");
                int at = random.nextInt(words.length - 2);
                queries.add(words[at] + " " + words[at + 1]);
            } else {
                queries.add(vocabulary.get(skewed(random)) + " " + vocabulary.get(skewed(random)));
            }
        }
        return queries;
    }
}
