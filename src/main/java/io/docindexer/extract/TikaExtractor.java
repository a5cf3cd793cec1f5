package io.docindexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.xml.sax.ContentHandler;

/**
 * Office (Word, Excel, PowerPoint, old and new), OpenDocument, RTF, HTML, XML, EPUB and e-mail
 * (.eml, Outlook .msg) through Apache Tika, in this JVM, within the document's text budget.
 * Slides and sheets become pages; an e-mail's body is its page and its attachments its entries.
 *
 * <p>What Tika may do is narrowed on purpose: macros are never extracted (nor ever run: Tika
 * has no interpreter), embedded files are not parsed by Tika (see {@link SkipEmbedded}; an
 * e-mail's attachments go to our own extractor, {@link AttachmentsAsEntries}), and Tika's XML
 * parsing never resolves external entities (its XMLReaderUtils default).
 */
final class TikaExtractor {

    private final ExtractionLimits limits;

    TikaExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    /**
     * @throws ExtractionPausedException when there is no time to start: a Tika parse cannot stop
     *     part-way and resume later, so it starts only with time to run, and a later invocation gets
     *     the whole document
     */
    ExtractedDocument extract(Path file, FileType type, TextBudget budget, ExtractionProgress progress)
            throws IOException {
        return extract(file, type, budget, progress, null);
    }

    /**
     * As above, for an e-mail: its attachments become {@code attachments}' entries.
     *
     * @throws ArchiveLimitException when the attachments pass the tree's limits
     */
    ExtractedDocument extract(
            Path file, FileType type, TextBudget budget, ExtractionProgress progress, ContainerEntries attachments)
            throws IOException {
        if (progress.outOfTime()) {
            throw new ExtractionPausedException(List.of(), 1);
        }
        String contentType = type.contentType();
        PageTextHandler text = new PageTextHandler(budget, limits.maxPages(), contentType);
        Metadata metadata = new Metadata();
        try (InputStream input = TikaInputStream.get(file, metadata)) {
            Parsers.ALL.parse(input, text, metadata, restrictedContext(attachments));
        } catch (Exception e) {
            Exception cause = rootOf(e);
            if (cause instanceof ArchiveLimitException overLimit) {
                throw overLimit;
            }
            if (cause instanceof EncryptedDocumentException) {
                return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.ENCRYPTED);
            }
            if (!(cause instanceof PageTextHandler.BudgetSpentException)) {
                return ContentFailure.recorded(contentType, cause);
            }
        }
        List<ExtractedPage> pages = new ArrayList<>();
        for (String page : text.pages()) {
            pages.add(ExtractedPage.fromTextLayer(pages.size() + 1, page));
        }
        ExtractedDocument document = ExtractedDocument.ofPages(contentType, pages, budget.truncated())
                .withMetadata(TikaMetadata.read(metadata, type));
        return attachments == null ? document : document.withEntries(attachments.list());
    }

    /** Loaded when the first document needs them, so a function that sees only PDFs never pays. */
    private static final class Parsers {
        static final Parser ALL = new AutoDetectParser(TikaConfig.getDefaultConfig());
    }

    private static ParseContext restrictedContext(ContainerEntries attachments) {
        ParseContext context = new ParseContext();
        OfficeParserConfig office = new OfficeParserConfig();
        office.setExtractMacros(false);
        context.set(OfficeParserConfig.class, office);
        context.set(
                EmbeddedDocumentExtractor.class,
                attachments == null ? new SkipEmbedded() : new AttachmentsAsEntries(attachments, Parsers.ALL, context));
        return context;
    }

    /**
     * Embedded files (pictures, OLE objects, attachments) are left alone: an attachment is a
     * document of its own, and an embedded picture would go to Tika's OCR, outside our OCR pool.
     */
    private static final class SkipEmbedded implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // Never called: shouldParseEmbedded says no to everything.
        }
    }

    /**
     * Tika wraps what a parser or our handler threw (an encrypted file, a spent budget, a refused
     * page count) in its own exceptions; the innermost one we know says what happened.
     */
    private static Exception rootOf(Exception thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncryptedDocumentException
                    || cause instanceof PageTextHandler.BudgetSpentException
                    || cause instanceof RefusedContentException
                    || cause instanceof ArchiveLimitException
                    || cause instanceof InterruptedIOException) {
                return (Exception) cause;
            }
        }
        return thrown;
    }
}
