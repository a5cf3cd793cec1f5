package io.docindexer.cli;

import io.docindexer.batch.ObjectStatus;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractionLimits;
import io.docindexer.extract.Thumbnail;
import io.docindexer.ocr.TesseractOcrEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code extract [--json] [--thumbnails DIR] FILE...}: runs the same extraction as the function on
 * local files, with the default limits and no AWS or servers. With {@code --json}, one JSON line per
 * file ({@link ExtractionJson}).
 */
final class ExtractCommand {

    private final ExtractionJson json = new ExtractionJson();

    int run(List<String> args, PrintStream out) throws Exception {
        ExtractArguments arguments = ExtractArguments.parse(args);
        String languages = System.getenv().getOrDefault("OCR_LANGUAGES", TesseractOcrEngine.DEFAULT_LANGUAGES);
        try (TesseractOcrEngine ocr = TesseractOcrEngine.fromEnvironment(languages);
                DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), ocr)) {
            for (Path file : arguments.files()) {
                long started = System.nanoTime();
                ExtractedDocument document =
                        extractor.extract(file, file.getFileName().toString());
                long millis = (System.nanoTime() - started) / 1_000_000;
                Path thumbnail = arguments.thumbnails() == null ? null : write(document, file, arguments.thumbnails());
                out.println(
                        arguments.json()
                                ? json.line(file, sha256(file), document, millis, thumbnail)
                                : textBlock(file, document, millis));
            }
        }
        return Main.OK;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Writes the file's thumbnail as DIR/NAME.jpg (or .png); null when it has none. */
    private static Path write(ExtractedDocument document, Path file, Path folder) throws IOException {
        Thumbnail thumbnail = document.thumbnail();
        if (thumbnail == null) {
            return null;
        }
        Files.createDirectories(folder);
        return Files.write(folder.resolve(file.getFileName() + "." + thumbnail.extension()), thumbnail.bytes());
    }

    private static String textBlock(Path file, ExtractedDocument document, long millis) {
        ObjectStatus status = ExtractionJson.statusOf(document);
        String outcome = document.isMetadataOnly()
                ? status.code() + " (" + document.metadataOnlyReason().code() + ")"
                : status.code();
        return "== %s: %s, %d pages (%d OCR), %d chars, %d ms%n%s%n"
                .formatted(
                        file,
                        outcome,
                        document.pageCount(),
                        document.ocrPageCount(),
                        document.text().length(),
                        millis,
                        document.text());
    }
}
