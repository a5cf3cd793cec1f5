package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docindexer.ocr.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipDirectorySizeTest {

    @TempDir
    Path folder;

    @Test
    void readsTheCountTheEndRecordDeclares() throws IOException {
        assertThat(ZipDirectorySize.declaredEntries(Corpus.file("archive/documents.zip")))
                .hasValue(4);
    }

    @Test
    void findsTheEndRecordBehindAComment() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setComment("a comment that ends the file: " + "x".repeat(2000));
            zip.putNextEntry(new ZipEntry("folder/"));
            zip.putNextEntry(new ZipEntry("folder/a.txt"));
            zip.write("a".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(ZipDirectorySize.declaredEntries(Files.write(folder.resolve("c.zip"), bytes.toByteArray())))
                .hasValue(2);
    }

    @Test
    void aFileWithoutAnEndRecordDeclaresNothing() throws IOException {
        Path text = Files.writeString(folder.resolve("t.zip"), "not a zip at all");

        assertThat(ZipDirectorySize.declaredEntries(text)).isEmpty();
    }
}
