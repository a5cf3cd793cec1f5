package io.docindexer.extract;

import java.io.InterruptedIOException;

/**
 * What a failure while parsing or rendering a file means. The file is local and was just written,
 * so a failure is its content's doing: a refused file keeps the limit it broke as its reason,
 * anything else is corrupt. Being interrupted is not about the content and propagates.
 */
final class ContentFailure {

    private ContentFailure() {}

    /** @param failure an IOException or RuntimeException from reading the file */
    static ExtractedDocument recorded(String contentType, Exception failure) throws InterruptedIOException {
        if (failure instanceof InterruptedIOException interrupted) {
            throw interrupted;
        }
        if (failure instanceof RefusedContentException refused) {
            return ExtractedDocument.metadataOnly(contentType, refused.reason());
        }
        return ExtractedDocument.metadataOnly(contentType, MetadataOnlyReason.CORRUPT);
    }
}
