package io.docindexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoOutputTest {

    @Test
    void japaneseFileNamesArePaddedByTheCellsTheyTakeOnScreen() {
        assertThat(TextColumns.pad("請求書.txt", 12)).isEqualTo("請求書.txt  ");
        assertThat(TextColumns.cells("請求書.txt")).isEqualTo(10);
        assertThat(TextColumns.pad("notes.txt", 12)).isEqualTo("notes.txt   ");
    }

    @Test
    void adjacentHighlightsOfOneMatchBecomeOneMarkedRun() {
        assertThat(DemoCommand.readable("業務委託<em>契</em><em>約</em><em>書</em>\n株式会社"))
                .isEqualTo("業務委託[契約書] 株式会社");
    }
}
