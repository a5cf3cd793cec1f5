package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MixedDocumentsTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    @Test
    void everyTwentyUploadsHoldTheMixesShares() throws Exception {
        List<BenchFile> files = MixedDocuments.load(CORPUS).files("bench/", 40);

        Map<String, Long> byExtension = files.stream()
                .collect(Collectors.groupingBy(
                        file -> file.key().substring(file.key().lastIndexOf('.') + 1), Collectors.counting()));
        // 20 text PDFs and 4 scanned ones; 6 Japanese texts; 4 images and 6 Office files in the corpus's types.
        assertThat(byExtension.get("pdf")).isEqualTo(24);
        assertThat(byExtension.get("txt")).isEqualTo(6);
        assertThat(files).extracting(BenchFile::key).doesNotHaveDuplicates().allMatch(key -> key.startsWith("bench/"));
        assertThat(files).allMatch(file -> file.bytes().length > 0);
    }

    @Test
    void textPdfsHaveOneToTwentyPagesMostlyFew() {
        List<Integer> pages = IntStream.range(0, 2000)
                .map(MixedDocuments::textPdfPages)
                .boxed()
                .toList();

        assertThat(pages).allMatch(count -> count >= 1 && count <= 20).contains(1, 20);
        double mean = pages.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(mean).isBetween(6.0, 8.5);
        assertThat(MixedDocuments.textPdfPages(7)).isEqualTo(MixedDocuments.textPdfPages(7));
    }

    @Test
    void japaneseTextsDifferByNumber() {
        Function<Integer, String> text = JapaneseText::document;

        assertThat(text.apply(1)).isNotEqualTo(text.apply(2)).contains("文書番号 1").contains("契約");
        assertThat(text.apply(1).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1000);
    }

    @Test
    void aMissingCorpusSaysWhereToRunFrom() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MixedDocuments.load(Path.of("no-such-corpus")))
                .hasMessageContaining("run ./docindexer from the repository's root");
    }
}
