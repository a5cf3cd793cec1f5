package io.docindexer.extract;

/**
 * Bounds that turn decompression bombs and giant files into metadata-only records instead of
 * OOMs or timeouts. {@code maxChars} caps the text of the whole document, a container's entries
 * included; {@code maxObjectBytes} applies to each entry of a container too.
 */
public record ExtractionLimits(
        long maxObjectBytes, int maxPages, long maxPixelsPerPage, int maxChars, ArchiveLimits archives) {

    public ExtractionLimits {
        if (maxObjectBytes <= 0 || maxPages <= 0 || maxPixelsPerPage <= 0 || maxChars <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive: maxObjectBytes=" + maxObjectBytes
                    + " maxPages=" + maxPages + " maxPixelsPerPage=" + maxPixelsPerPage + " maxChars=" + maxChars);
        }
    }

    /** With the default {@link ArchiveLimits}. */
    public ExtractionLimits(long maxObjectBytes, int maxPages, long maxPixelsPerPage, int maxChars) {
        this(maxObjectBytes, maxPages, maxPixelsPerPage, maxChars, ArchiveLimits.defaults());
    }

    /** The defaults of MAX_OBJECT_BYTES, MAX_PAGES, MAX_PIXELS_PER_PAGE and MAX_CHARS. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(104_857_600L, 2000, 100_000_000L, 5_000_000);
    }

    /** These limits with other archive limits. */
    public ExtractionLimits withArchives(ArchiveLimits other) {
        return new ExtractionLimits(maxObjectBytes, maxPages, maxPixelsPerPage, maxChars, other);
    }
}
