package io.docindexer.extract;

import java.time.Instant;
import java.util.Date;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;

/** What an Office, OpenDocument or web document says about itself, from Tika's metadata. */
final class TikaMetadata {

    private TikaMetadata() {}

    static DocumentMetadata read(Metadata metadata) {
        return DocumentMetadata.ofDocument(
                text(metadata.get(TikaCoreProperties.TITLE)),
                text(metadata.get(TikaCoreProperties.CREATOR)),
                text(metadata.get(TikaCoreProperties.SUBJECT)),
                text(metadata.get(Office.KEYWORDS)),
                // The application that wrote the file: Office's "Application-Name", ODF's generator.
                text(metadata.get(TikaCoreProperties.CREATOR_TOOL)),
                date(metadata, TikaCoreProperties.CREATED),
                date(metadata, TikaCoreProperties.MODIFIED));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant date(Metadata metadata, Property property) {
        Date date = metadata.getDate(property);
        return date == null ? null : date.toInstant();
    }
}
