package io.docindexer.extract;

import io.docindexer.ocr.OcrEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The extraction entry point: checks the size limits, recognises the file type by its content
 * (Tika's detector, the name as a hint), and hands the file to the extractor for that type. The
 * entries of a zip and the attachments of an e-mail come back here, one by one, and are read by
 * the same rules, nested containers down to {@link ArchiveLimits#maxDepth()}; the text budget and
 * the archive limits are the uploaded file's, shared by everything inside it.
 * Owns the threads that run OCR, one per OCR engine slot; {@link #close()} stops them (the
 * OCR engine belongs to the caller).
 */
public final class DocumentExtractor implements TextExtractor, DeferredPages, AutoCloseable {

    private final ExtractionLimits limits;
    private final OcrEngine ocr;
    private final ExecutorService ocrThreads;
    private final PdfExtractor pdf;
    private final ImageExtractor images;
    private final TikaExtractor documents;
    private final PlainTextExtractor plainText = new PlainTextExtractor();
    private final ZipExtractor zips = new ZipExtractor();
    private final LanguageDetection languages = new LanguageDetection();

    public DocumentExtractor(ExtractionLimits limits, OcrEngine ocr) {
        this.limits = limits;
        this.ocr = ocr;
        this.ocrThreads = Executors.newFixedThreadPool(ocr.parallelism(), daemonThreads());
        this.pdf = new PdfExtractor(limits);
        this.images = new ImageExtractor(limits);
        this.documents = new TikaExtractor(limits);
    }

    /**
     * Loads the file type detector now rather than at the first file: Tika's media-type registry
     * and detectors take about 0.4 s of class loading in a cold JVM, which init can spend beside
     * its other steps.
     */
    public static void loadTypeDetection() {
        FileType.load();
    }

    /** The file's content, then the languages of its pages and of the whole. */
    @Override
    public ExtractedDocument extract(Path file, String fileName, ExtractionProgress progress) throws IOException {
        FileType type = FileType.detect(file, fileName);
        ExtractedDocument content;
        try {
            content = extractContent(
                    file, type, progress, new TextBudget(limits.maxChars()), new Nesting(archiveBudget(), 0));
        } catch (ArchiveLimitException overLimit) {
            // Nothing of the tree is kept: the file is recorded with the limit it broke.
            content = ExtractedDocument.metadataOnly(type.contentType(), overLimit.reason());
        }
        return withLanguages(content);
    }

    private ArchiveBudget archiveBudget() {
        return new ArchiveBudget(limits.archives());
    }

    /** The archive budget of the uploaded file, and how deep inside it the file being read is. */
    private record Nesting(ArchiveBudget budget, int depth) {}

    @Override
    public ExtractedDocument fillIn(ExtractedDocument partial, List<ExtractedPage> read) {
        Map<Integer, ExtractedPage> readByNumber = new HashMap<>();
        read.forEach(page -> readByNumber.putIfAbsent(page.number(), page));
        TextBudget budget = new TextBudget(limits.maxChars());
        List<ExtractedPage> pages = new ArrayList<>(partial.pageCount());
        for (ExtractedPage page : partial.pages()) {
            ExtractedPage filled = page.deferred() ? readByNumber.get(page.number()) : page;
            if (filled == null || filled.deferred()) {
                throw new IllegalArgumentException("deferred page " + page.number() + " was not read");
            }
            pages.add(new ExtractedPage(
                    filled.number(), budget.take(filled.text()), filled.ocr(), filled.ocrConfidence()));
        }
        return withLanguages(new ExtractedDocument(
                partial.contentType(),
                pages,
                null,
                partial.truncated() || budget.truncated(),
                partial.thumbnail(),
                partial.metadata(),
                List.of()));
    }

    private ExtractedDocument withLanguages(ExtractedDocument content) {
        List<LanguageShares> shares = content.pages().stream()
                .map(page -> languages.sharesOf(page.text()))
                .toList();
        List<ExtractedPage> pages = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            pages.add(content.pages().get(i).withLanguage(shares.get(i).mostProminent()));
        }
        return content.withLanguages(pages, LanguageShares.together(shares).prominent());
    }

    private ExtractedDocument extractContent(
            Path file, FileType type, ExtractionProgress progress, TextBudget budget, Nesting nesting)
            throws IOException {
        long size = Files.size(file);
        String contentType = type.contentType();
        if (size == 0) {
            return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.EMPTY_FILE);
        }
        if (size > limits.maxObjectBytes()) {
            return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.TOO_LARGE);
        }
        // A PageOcr per document: its gate bounds how many of this document's page images exist at once.
        return switch (type.kind()) {
            case PDF -> pdf.extract(file, new PageOcr(ocr, ocrThreads), budget, progress);
            case IMAGE -> images.extract(file, type, new PageOcr(ocr, ocrThreads), budget);
            case DOCUMENT -> documents.extract(file, type, budget, progress);
            case MAIL, ARCHIVE -> container(file, type, progress, budget, nesting);
            case TEXT -> plainText.extract(file, contentType, budget);
            case DOCUWORKS -> ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.DOCUWORKS);
            case HEIC -> ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.HEIC);
            case UNKNOWN -> ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.UNSUPPORTED);
        };
    }

    /**
     * A zip or an e-mail, its entries read one by one through {@link #extractContent} a level
     * deeper. Like a Tika parse, it cannot stop part-way, so it starts only with time to run.
     */
    private ExtractedDocument container(
            Path file, FileType type, ExtractionProgress progress, TextBudget budget, Nesting nesting)
            throws IOException {
        if (progress.outOfTime()) {
            throw new ExtractionPausedException(List.of(), 1);
        }
        if (nesting.depth() >= nesting.budget().maxDepth()) {
            return ExtractedDocument.metadataOnly(type.contentType(), MetadataOnlyReason.ARCHIVE_TOO_DEEP);
        }
        Nesting inside = new Nesting(nesting.budget(), nesting.depth() + 1);
        EntryReader reader = (entry, name) -> withLanguages(
                extractContent(entry, FileType.detect(entry, name), ExtractionProgress.UNLIMITED, budget, inside));
        ContainerEntries entries = new ContainerEntries(nesting.budget(), reader, limits.maxObjectBytes());
        return type.kind() == FileType.Kind.ARCHIVE
                ? zips.extract(file, type.contentType(), budget, entries)
                : documents.extract(file, type, budget, progress, entries);
    }

    @Override
    public void close() {
        ocrThreads.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ocr-" + count.incrementAndGet());
            // Daemons, so that a CLI run or a test that never calls close() can still exit.
            thread.setDaemon(true);
            return thread;
        };
    }
}
