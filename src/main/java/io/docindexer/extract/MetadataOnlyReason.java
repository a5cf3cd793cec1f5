package io.docindexer.extract;

/** Why a file is recorded with its metadata only: a content problem, never worth a retry. */
public enum MetadataOnlyReason {
    UNSUPPORTED("unsupported"),
    ENCRYPTED("encrypted"),
    CORRUPT("corrupt"),
    TOO_LARGE("too-large"),
    TOO_MANY_PAGES("too-many-pages"),
    TOO_MANY_PIXELS("too-many-pixels"),
    EMPTY_FILE("empty-file"),
    /** DocuWorks (.xdw, .xbd): no open parser exists; the README says how to make them searchable. */
    DOCUWORKS("docuworks"),
    /** HEIC/HEIF photos: recognised, but no decoder for them is available to Java here. */
    HEIC("heic"),
    /** A zip or e-mail with more entries than {@link ArchiveLimits#maxEntries()}, nested ones included. */
    ARCHIVE_TOO_MANY_ENTRIES("archive-too-many-entries"),
    /** Entries inflating to more than {@link ArchiveLimits#maxBytes()} together: a zip bomb, or just too much. */
    ARCHIVE_TOO_LARGE("archive-too-large"),
    /** A container nested deeper than {@link ArchiveLimits#maxDepth()}: recorded, its entries not read. */
    ARCHIVE_TOO_DEEP("archive-too-deep");

    private final String code;

    MetadataOnlyReason(String code) {
        this.code = code;
    }

    /** The value stored in the index's {@code reason} field. */
    public String code() {
        return code;
    }
}
