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
    HEIC("heic");

    private final String code;

    MetadataOnlyReason(String code) {
        this.code = code;
    }

    /** The value stored in the index's {@code reason} field. */
    public String code() {
        return code;
    }
}
