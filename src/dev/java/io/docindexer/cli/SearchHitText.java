package io.docindexer.cli;

import io.docindexer.index.MatchingPage;
import io.docindexer.index.SearchHit;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints search hits as a person reads them: file, score and key, the container a file inside a
 * zip or an e-mail is in, then each matching page, best first, with its snippet and the matches in
 * brackets.
 */
final class SearchHitText {

    private SearchHitText() {}

    static void print(List<SearchHit> hits, PrintStream out) {
        for (SearchHit hit : hits) {
            String metadataOnly = "metadata-only".equals(hit.status())
                    ? "  (name only, no text: " + (hit.reason() == null ? "not extracted" : hit.reason()) + ")"
                    : "";
            out.printf("  %s %7.2f  %s%s%n", TextColumns.pad(hit.fileName(), 32), hit.score(), hit.key(), metadataOnly);
            if (hit.container() != null) {
                out.println("      in " + hit.container() + ", at " + hit.entryPath());
            }
            if (hit.pages().isEmpty()) {
                // A document reindexed from index version 1 and not ingested since: text without pages.
                hit.snippets().forEach(snippet -> out.println("      " + readable(snippet)));
            }
            if (hit.thumbnailKey() != null) {
                out.println("      thumbnail " + hit.thumbnailKey());
            }
            for (MatchingPage page : hit.pages()) {
                String snippet = page.snippets().isEmpty()
                        ? ""
                        : ": " + readable(page.snippets().get(0));
                out.println("      page " + page.number() + snippet);
            }
        }
    }

    /**
     * The highlighter's HTML as plain text: OpenSearch marks each matched CJK bigram separately, so
     * adjacent marks become one [marked] run; escaped characters are shown as themselves.
     */
    static String readable(String snippet) {
        return snippet.replace("</em><em>", "")
                .replace("<em>", "[")
                .replace("</em>", "]")
                .replaceAll("\\s+", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#x2F;", "/")
                .replace("&amp;", "&");
    }
}
