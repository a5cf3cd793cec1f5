package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TesseractListReferenceTest {

    @Test
    void formFeedsSeparateThePages() {
        assertThat(TesseractListReference.pages("first page\n\fsecond\n\f"))
                .containsExactly("first page\n", "second\n", "");
    }

    @Test
    void anImageThatCannotBeDecodedIsNamedButNotFinished() {
        String stderr = """
                Page 0 : /c/a.tif
                Page 1 : /c/b.tif
                Page 2 : /c/broken.png
                Error in pixReadStream: Unknown format: no pix returned
                Image file /c/broken.png cannot be read!
                Error during processing.
                """;

        assertThat(TesseractListReference.finishedBeforeFailure(stderr)).isEqualTo(2);
    }

    @Test
    void aMissingImageIsNotNamedAsAPage() {
        String stderr = """
                Page 0 : /c/a.tif
                Error in fopenReadStream: file not found
                Error in pixRead: image file not found: /nonexistent.png
                Image file /nonexistent.png cannot be read!
                Error during processing.
                """;

        assertThat(TesseractListReference.finishedBeforeFailure(stderr)).isEqualTo(1);
        assertThat(TesseractListReference.finishedBeforeFailure("cannot open list\n"))
                .isZero();
    }

    @Test
    void listsAreBalancedByBytesNotDealtInTurn() {
        // A big page and three small ones, repeated 3 times: in turn, list 0 would get every big page.
        long[] sizes = {900, 10, 20, 10, 900, 10, 20, 10, 900, 10, 20, 10};

        List<List<Integer>> lists = TesseractListReference.balanced(sizes, 2);

        assertThat(lists.get(0)).contains(0, 8).doesNotContain(4);
        assertThat(lists.get(1)).contains(4);
        assertThat(lists.stream().mapToInt(List::size).sum()).isEqualTo(12);
    }
}
