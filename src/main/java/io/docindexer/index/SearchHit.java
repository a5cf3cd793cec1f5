package io.docindexer.index;

import java.time.Instant;
import java.util.List;

/**
 * One search result.
 *
 * @param extension the file's extension, lower case, without the dot; empty when it has none
 * @param size the object's bytes
 * @param lastModified when S3 last wrote the object; null when the event did not say
 * @param status {@code indexed}, or {@code metadata-only} for a file found by its name alone
 * @param reason why a {@code metadata-only} file has no text (such as {@code encrypted}); null when indexed
 * @param snippets highlighted fragments of the content, HTML-escaped, with {@code <em>} around
 *     matches: the matching pages' snippets, best page first (or, for a document reindexed from
 *     index version 1 and not ingested since, fragments of its whole text); empty when the match
 *     was on the key only
 * @param pages the pages the query matched on, best first (at most three); empty when the match
 *     was on the key only or the document has no pages yet
 * @param thumbnailKey the key of the file's thumbnail in the thumbnail bucket, or null when it has none
 * @param container for a file inside a zip or an e-mail (whose {@code key} is the container's key,
 *     {@code !/} and the path inside), the key of the uploaded container; null otherwise
 * @param entryPath the path inside {@code container}, such as {@code report.pdf} or
 *     {@code nested/inner.zip!/note.txt}; null for an uploaded file
 */
public record SearchHit(
        String key,
        String fileName,
        String extension,
        long size,
        Instant lastModified,
        String status,
        String reason,
        double score,
        List<String> snippets,
        List<MatchingPage> pages,
        String thumbnailKey,
        String container,
        String entryPath) {}
