package io.docindexer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Hands each attachment Tika's mail parsers find to {@link ContainerEntries}, so it is extracted
 * by our rules (PDFs through PDFBox with our OCR, images through our OCR pool) and indexed as a
 * document of its own, instead of being parsed by Tika into the message's text. Tika hands the
 * message's body over the same way: a text part with no file name and no attachment disposition
 * is the body, and is parsed into the message's own text.
 */
final class AttachmentsAsEntries implements EmbeddedDocumentExtractor {

    private final ContainerEntries entries;
    private final Parser bodyParser;
    private final ParseContext context;
    private int unnamed;

    AttachmentsAsEntries(ContainerEntries entries, Parser bodyParser, ParseContext context) {
        this.entries = entries;
        this.bodyParser = bodyParser;
        this.context = context;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return true;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws IOException, SAXException {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (isBody(name, metadata)) {
            try {
                bodyParser.parse(
                        CloseShieldInputStream.wrap(stream), new EmbeddedContentHandler(handler), metadata, context);
            } catch (TikaException unreadable) {
                throw new SAXException("the message body could not be read", unreadable);
            }
            return;
        }
        if (name == null || name.isBlank()) {
            unnamed++;
            name = "attachment-" + unnamed;
        }
        entries.add(name.strip(), stream);
    }

    private static boolean isBody(String name, Metadata metadata) {
        String disposition = metadata.get("Content-Disposition");
        String type = metadata.get(Metadata.CONTENT_TYPE);
        return (name == null || name.isBlank())
                && (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("attachment"))
                && type != null
                && (type.startsWith("text/plain") || type.startsWith("text/html"));
    }
}
