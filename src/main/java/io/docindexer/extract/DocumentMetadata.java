package io.docindexer.extract;

import java.time.Instant;

/**
 * What a file says about itself, as far as its format has it: a PDF's Info dictionary and XMP
 * packet (title to modified), an Office or OpenDocument file's properties (the same, less the
 * producer), an image's EXIF (taken to orientation), an e-mail's headers (subject as title and
 * subject, sender as author, recipients as {@code to}, date sent as created). Absent values are null.
 *
 * @param creatorTool the application that made the original (PDF Creator, xmp:CreatorTool)
 * @param producer the application that wrote the PDF (PDF Producer, pdf:Producer)
 * @param orientation EXIF orientation, 1 (upright) to 8
 * @param to an e-mail's recipients (To), comma-separated as the header has them
 */
public record DocumentMetadata(
        String title,
        String author,
        String subject,
        String keywords,
        String creatorTool,
        String producer,
        Instant created,
        Instant modified,
        Instant taken,
        String cameraMake,
        String cameraModel,
        Integer orientation,
        String to) {

    // The years an OpenSearch date field takes as written; a broken clock's year 0 or 20260 is no date.
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public DocumentMetadata {
        created = plausible(created);
        modified = plausible(modified);
        taken = plausible(taken);
    }

    public static final DocumentMetadata NONE =
            new DocumentMetadata(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public static DocumentMetadata ofPdf(
            String title,
            String author,
            String subject,
            String keywords,
            String creatorTool,
            String producer,
            Instant created,
            Instant modified) {
        return new DocumentMetadata(
                title,
                author,
                subject,
                keywords,
                creatorTool,
                producer,
                created,
                modified,
                null,
                null,
                null,
                null,
                null);
    }

    /** An Office, OpenDocument or web document's properties: as a PDF's, without a producer. */
    public static DocumentMetadata ofDocument(
            String title,
            String author,
            String subject,
            String keywords,
            String creatorTool,
            Instant created,
            Instant modified) {
        return ofPdf(title, author, subject, keywords, creatorTool, null, created, modified);
    }

    public static DocumentMetadata ofImage(Instant taken, String cameraMake, String cameraModel, Integer orientation) {
        return new DocumentMetadata(
                null, null, null, null, null, null, null, null, taken, cameraMake, cameraModel, orientation, null);
    }

    /** An e-mail's headers: its subject is also its title, so that an app shows it as one. */
    public static DocumentMetadata ofMail(String subject, String from, String to, Instant sent) {
        return new DocumentMetadata(subject, from, subject, null, null, null, sent, null, null, null, null, null, to);
    }

    private static Instant plausible(Instant date) {
        return date == null || date.isBefore(EARLIEST) || date.isAfter(LATEST) ? null : date;
    }
}
