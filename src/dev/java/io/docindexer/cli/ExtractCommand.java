package io.docindexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.batch.ObjectStatus;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractedDocument;
import io.docindexer.extract.ExtractionLimits;
import io.docindexer.ocr.TesseractOcrEngine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code extract [--json] FILE...}: runs the same extraction as the function on local files, with
 * the default limits and no AWS or servers. With {@code --json}, one JSON line per file.
 */
final class ExtractCommand {

    private final ObjectMapper json = new ObjectMapper();

    int run(List<String> args, PrintStream out) throws Exception {
        boolean asJson = args.contains("--json");
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--json")) {
                continue;
            }
            if (arg.startsWith("-")) {
                throw new UsageException("unknown option '" + arg + "'; usage: ./docindexer extract [--json] FILE...");
            }
            Path file = Path.of(arg);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no file at " + arg + "; give the paths of files to extract");
            }
            files.add(file);
        }
        if (files.isEmpty()) {
            throw new UsageException("usage: ./docindexer extract [--json] FILE... (give at least one file)");
        }
        String languages = System.getenv().getOrDefault("OCR_LANGUAGES", TesseractOcrEngine.DEFAULT_LANGUAGES);
        try (TesseractOcrEngine ocr = TesseractOcrEngine.fromEnvironment(languages);
                DocumentExtractor extractor = new DocumentExtractor(ExtractionLimits.defaults(), ocr)) {
            for (Path file : files) {
                long started = System.nanoTime();
                ExtractedDocument document =
                        extractor.extract(file, file.getFileName().toString());
                long millis = (System.nanoTime() - started) / 1_000_000;
                out.println(asJson ? jsonLine(file, document, millis) : textBlock(file, document, millis));
            }
        }
        return Main.OK;
    }

    private String jsonLine(Path file, ExtractedDocument document, long millis) {
        ObjectNode line = json.createObjectNode();
        line.put("file", file.toString());
        line.put("status", statusOf(document).code());
        line.put(
                "reason",
                document.isMetadataOnly() ? document.metadataOnlyReason().code() : null);
        line.put("pages", document.pageCount());
        line.put("ocrPages", document.ocrPageCount());
        line.put("chars", document.text().length());
        line.put("millis", millis);
        line.put("text", document.text());
        return line.toString();
    }

    /** What the ingest function would record for the file. */
    private static ObjectStatus statusOf(ExtractedDocument document) {
        return document.isMetadataOnly() ? ObjectStatus.METADATA_ONLY : ObjectStatus.INDEXED;
    }

    private static String textBlock(Path file, ExtractedDocument document, long millis) {
        String status = document.isMetadataOnly()
                ? statusOf(document).code() + " ("
                        + document.metadataOnlyReason().code() + ")"
                : statusOf(document).code();
        return "== %s: %s, %d pages (%d OCR), %d chars, %d ms%n%s%n"
                .formatted(
                        file,
                        status,
                        document.pageCount(),
                        document.ocrPageCount(),
                        document.text().length(),
                        millis,
                        document.text());
    }
}
