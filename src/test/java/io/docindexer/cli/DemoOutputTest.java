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
}
