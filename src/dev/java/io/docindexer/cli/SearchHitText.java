package io.docindexer.cli;

import io.docindexer.index.SearchHit;
import java.io.PrintStream;
import java.util.List;

/** Prints search hits as a person reads them: file, score and key, then each snippet with its matches in brackets. */
final class SearchHitText {

    private SearchHitText() {}

    static void print(List<SearchHit> hits, PrintStream out) {
        for (SearchHit hit : hits) {
            String metadataOnly = "metadata-only".equals(hit.status()) ? "  (name only: no text was extracted)" : "";
            out.printf("  %s %7.2f  %s%s%n", TextColumns.pad(hit.fileName(), 32), hit.score(), hit.key(), metadataOnly);
            // Snippets carry no page number yet: the index keeps one text per document. Once it
            // keeps pages, this is where each snippet's page goes.
            for (String snippet : hit.snippets()) {
                out.println("      " + readable(snippet));
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
