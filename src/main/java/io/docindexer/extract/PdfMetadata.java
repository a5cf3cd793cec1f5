package io.docindexer.extract;

import java.io.IOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;

/**
 * A PDF's own metadata. The Info dictionary comes first: it is what viewers' document properties
 * and {@code pdfinfo} show, so it is what users recognise. The XMP packet fills in what the
 * dictionary lacks: PDF 2.0 deprecates the dictionary, and some producers write XMP only.
 */
final class PdfMetadata {

    private PdfMetadata() {}

    static DocumentMetadata read(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        Xmp xmp = Xmp.of(document.getDocumentCatalog().getMetadata());
        return DocumentMetadata.ofPdf(
                text(info.getTitle(), xmp.dublinCore(DublinCoreSchema::getTitle)),
                text(info.getAuthor(), xmp.dublinCore(dc -> joined(dc.getCreators()))),
                text(info.getSubject(), xmp.dublinCore(DublinCoreSchema::getDescription)),
                text(info.getKeywords(), xmp.adobePdf(AdobePDFSchema::getKeywords)),
                text(info.getCreator(), xmp.basic(XMPBasicSchema::getCreatorTool)),
                text(info.getProducer(), xmp.adobePdf(AdobePDFSchema::getProducer)),
                instant(info.getCreationDate(), xmp.basic(XMPBasicSchema::getCreateDate)),
                instant(info.getModificationDate(), xmp.basic(XMPBasicSchema::getModifyDate)));
    }

    private static String text(String fromInfo, String fromXmp) {
        String info = cleaned(fromInfo);
        return info != null ? info : cleaned(fromXmp);
    }

    /** Without the blanks and control characters some producers leave at the ends (a C string's NUL). */
    private static String cleaned(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("^[\\s\\p{Cntrl}]+|[\\s\\p{Cntrl}]+$", "");
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static Instant instant(Calendar fromInfo, Calendar fromXmp) {
        Calendar value = fromInfo != null ? fromInfo : fromXmp;
        return value == null ? null : value.toInstant();
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    /** One value of an XMP schema; a malformed value reads as absent. */
    @FunctionalInterface
    private interface XmpField<S, T> {
        T of(S schema) throws BadFieldValueException;
    }

    /** The parsed XMP packet, or none when the PDF has no packet or a malformed one. */
    private record Xmp(XMPMetadata metadata) {

        static Xmp of(PDMetadata stream) {
            if (stream == null) {
                return new Xmp(null);
            }
            try {
                return new Xmp(new DomXmpParser().parse(stream.toByteArray()));
            } catch (IOException | XmpParsingException malformed) {
                return new Xmp(null);
            }
        }

        <T> T dublinCore(XmpField<DublinCoreSchema, T> field) {
            return metadata == null ? null : value(metadata.getDublinCoreSchema(), field);
        }

        <T> T basic(XmpField<XMPBasicSchema, T> field) {
            return metadata == null ? null : value(metadata.getXMPBasicSchema(), field);
        }

        <T> T adobePdf(XmpField<AdobePDFSchema, T> field) {
            return metadata == null ? null : value(metadata.getAdobePDFSchema(), field);
        }

        private static <S, T> T value(S schema, XmpField<S, T> field) {
            if (schema == null) {
                return null;
            }
            try {
                return field.of(schema);
            } catch (BadFieldValueException malformed) {
                return null;
            }
        }
    }
}
