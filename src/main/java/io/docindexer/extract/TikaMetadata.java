package io.docindexer.extract;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Collectors;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;

/** What an Office, OpenDocument or web document, or an e-mail, says about itself, from Tika's metadata. */
final class TikaMetadata {

    private TikaMetadata() {}

    static DocumentMetadata read(Metadata metadata, FileType type) {
        if (type.kind() == FileType.Kind.MAIL) {
            // RFC 822 and Outlook alike: the subject is the title, the sender the creator.
            return DocumentMetadata.ofMail(
                    text(metadata.get(TikaCoreProperties.TITLE)),
                    text(metadata.get(Message.MESSAGE_FROM)),
                    joined(metadata.getValues(Message.MESSAGE_TO)),
                    date(metadata, TikaCoreProperties.CREATED));
        }
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

    /** The recipients, one value each in Tika's metadata, as one comma-separated field. */
    private static String joined(String[] values) {
        return text(Arrays.stream(values)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.joining(", ")));
    }

    private static Instant date(Metadata metadata, Property property) {
        Date date = metadata.get(property) == null ? null : metadata.getDate(property);
        return date == null ? null : date.toInstant();
    }
}
