package io.docindexer.extract;

/** Content over a limit, found part-way through a file; the file becomes metadata-only. */
final class RefusedContentException extends RuntimeException {

    private final MetadataOnlyReason reason;

    RefusedContentException(MetadataOnlyReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    MetadataOnlyReason reason() {
        return reason;
    }
}
