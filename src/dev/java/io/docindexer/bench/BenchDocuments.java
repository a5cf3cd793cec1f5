package io.docindexer.bench;

import io.docindexer.extract.TextPdfs;
import java.util.ArrayList;
import java.util.List;

/** Small one-page text PDFs, each with its own text, like the bulk of what the old worker indexed. */
final class BenchDocuments {

    private static final String[] WORDS = {
        "invoice",
        "contract",
        "quarterly",
        "revenue",
        "meeting",
        "agenda",
        "shipment",
        "warehouse",
        "customer",
        "renewal",
        "budget",
        "forecast",
        "audit",
        "policy",
        "supplier"
    };

    private BenchDocuments() {}

    static final String TIMED = "bench/";
    static final String WARM_UP = "warm-up/";

    static String key(String prefix, int number) {
        return key(prefix, number, "pdf");
    }

    static String key(String prefix, int number, String extension) {
        return String.format("%sdoc-%06d.%s", prefix, number, extension);
    }

    /** A valid one-page PDF whose text names its number, so no two documents are the same. */
    static byte[] pdf(int number) {
        return pdf(number, 1);
    }

    /** A PDF of {@code pages} such pages, each naming the document's number and its own. */
    static byte[] pdf(int number, int pages) {
        List<List<String>> texts = new ArrayList<>(pages);
        for (int page = 0; page < pages; page++) {
            List<String> lines = new ArrayList<>();
            lines.add("Benchmark document number " + number + (page == 0 ? "" : ", page " + (page + 1)));
            for (int line = 0; line < 6; line++) {
                lines.add(line(number + page * 7919, line));
            }
            texts.add(lines);
        }
        return TextPdfs.pages(texts);
    }

    private static String line(int number, int line) {
        StringBuilder text = new StringBuilder();
        for (int word = 0; word < 8; word++) {
            text.append(WORDS[Math.floorMod(number * 31 + line * 7 + word * 13, WORDS.length)])
                    .append(' ');
        }
        return text.append("ref ").append(number).append('-').append(line).toString();
    }
}
