package io.docindexer.extract;

/**
 * A container tree over one of its {@link ArchiveLimits}, found while unpacking it. It passes
 * through every nested container up to the uploaded file, which is then recorded metadata-only
 * with the limit's reason and none of its entries: the limits are the tree's, not one level's.
 */
final class ArchiveLimitException extends RuntimeException {

    private final MetadataOnlyReason reason;

    ArchiveLimitException(MetadataOnlyReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    MetadataOnlyReason reason() {
        return reason;
    }
}
