package io.docindexer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a Japanese company's document bucket receives in a day, as a repeating cycle of 20 uploads:
 * 10 text PDFs of 1 to 20 pages (most of them short), 2 scanned PDFs of 1 to 3 pages, 2 photos or
 * scans as images, 3 Office files (Excel, Word, PowerPoint, RTF, OpenDocument; most of them
 * Japanese) and 3 Japanese plain-text files. The images and Office files are the test corpus's
 * real files; the PDFs and texts are generated, each with its own content.
 */
final class MixedDocuments {

    private enum Kind {
        TEXT_PDF,
        SCANNED_PDF,
        IMAGE,
        OFFICE,
        JAPANESE_TEXT
    }

    /** Every other upload is a text PDF; the ones between take turns in this order. */
    private static final List<Kind> BETWEEN_TEXT_PDFS = List.of(
            Kind.OFFICE,
            Kind.JAPANESE_TEXT,
            Kind.SCANNED_PDF,
            Kind.IMAGE,
            Kind.OFFICE,
            Kind.JAPANESE_TEXT,
            Kind.SCANNED_PDF,
            Kind.IMAGE,
            Kind.OFFICE,
            Kind.JAPANESE_TEXT);

    private static final int CYCLE = 2 * BETWEEN_TEXT_PDFS.size();

    private static final List<String> IMAGES = List.of(
            "ocr/phototest.tif", "images/invoice-photo-exif.jpg", "ocr/eurotext.tif", "ocr/phototest-rotated-180.png");
    private static final List<String> OFFICE = List.of(
            "office/japanese-invoice.xlsx",
            "office/japanese-minutes.docx",
            "office/japanese-slides.pptx",
            "office/testWORD.docx",
            "office/japanese-invoice.xls",
            "office/testRTFJapanese.rtf",
            "office/testEXCEL.xlsx",
            "office/testOpenOffice2.odt",
            "office/testPPT.pptx");
    private static final int MAX_TEXT_PDF_PAGES = 20;
    private static final int MAX_SCANNED_PAGES = 3;

    private final Map<String, byte[]> corpusFiles;
    private final Map<Integer, byte[]> scans = new HashMap<>();

    private MixedDocuments(Map<String, byte[]> corpusFiles) {
        this.corpusFiles = corpusFiles;
    }

    /** Reads the corpus files the mix uses from {@code corpus} (src/test/resources/corpus). */
    static MixedDocuments load(Path corpus) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : concat(IMAGES, OFFICE)) {
            try {
                files.put(name, Files.readAllBytes(corpus.resolve(name)));
            } catch (NoSuchFileException missing) {
                throw new IllegalStateException(
                        "the mix needs the test corpus: " + missing.getFile()
                                + " is missing; run ./docindexer from the repository's root",
                        missing);
            }
        }
        return new MixedDocuments(files);
    }

    /** The first {@code docs} uploads of the cycle, under keys that start with {@code prefix}. */
    List<BenchFile> files(String prefix, int docs) throws IOException {
        List<BenchFile> files = new ArrayList<>(docs);
        for (int number = 0; number < docs; number++) {
            Kind kind = number % 2 == 0 ? Kind.TEXT_PDF : BETWEEN_TEXT_PDFS.get(number / 2 % BETWEEN_TEXT_PDFS.size());
            int round = number / CYCLE;
            files.add(
                    switch (kind) {
                        case TEXT_PDF ->
                            new BenchFile(
                                    BenchDocuments.key(prefix, number, "pdf"),
                                    BenchDocuments.pdf(number, textPdfPages(number)));
                        case SCANNED_PDF ->
                            new BenchFile(
                                    BenchDocuments.key(prefix, number, "pdf"), scan(1 + round % MAX_SCANNED_PAGES));
                        case IMAGE -> corpusFile(prefix, number, IMAGES.get((2 * round + number) % IMAGES.size()));
                        case OFFICE -> corpusFile(prefix, number, OFFICE.get((3 * round + number) % OFFICE.size()));
                        case JAPANESE_TEXT ->
                            new BenchFile(
                                    BenchDocuments.key(prefix, number, "txt"),
                                    JapaneseText.document(number).getBytes(StandardCharsets.UTF_8));
                    });
        }
        return files;
    }

    /** 1 to 20 pages, most documents short: the square of a uniform draw leans to the low end (mean about 7). */
    static int textPdfPages(int number) {
        // SplittableRandom mixes its seed: java.util.Random's first draws for neighbouring seeds are nearly equal.
        double draw = new SplittableRandom(number).nextDouble();
        return 1 + (int) (draw * draw * MAX_TEXT_PDF_PAGES);
    }

    private BenchFile corpusFile(String prefix, int number, String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return new BenchFile(BenchDocuments.key(prefix, number, extension), corpusFiles.get(name));
    }

    private byte[] scan(int pages) throws IOException {
        byte[] scan = scans.get(pages);
        if (scan == null) {
            scan = ScannedPdf.bytes(pages);
            scans.put(pages, scan);
        }
        return scan;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
