package io.docindexer.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML into plain text split into pages: each slide of a presentation and each
 * sheet of a workbook starts a page (a sheet's page begins with the sheet's name, Tika's
 * {@code <h1>}), so that a hit names the slide or sheet; other documents are one page. Block
 * elements end a line and table cells are separated by a tab, so words never run together.
 *
 * <p>Text is charged to the document's {@link TextBudget} as it arrives; once the budget is spent
 * the parse is stopped, since Tika's parsers would otherwise go on reading what nobody keeps.
 */
final class PageTextHandler extends DefaultHandler {

    /** The classes Tika's Office parsers give the {@code div} that holds one slide or sheet. */
    private static final Set<String> PAGE_CLASSES = Set.of("page", "sheet", "slide", "slide-content");

    private static final Set<String> BLOCKS =
            Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "title", "pre", "blockquote");

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(?:\\n[ \\t]*)+\\n");

    private final TextBudget budget;
    private final int maxPages;
    private final boolean keepTitle;
    private final List<String> finishedPages = new ArrayList<>();
    private StringBuilder page = new StringBuilder();
    private boolean sawPage;
    private int depth;
    /** Depth of the open page {@code div}, -1 outside one: a page class nested in it is no new page. */
    private int pageDepth = -1;
    /** Inside {@code <head>}, or inside its {@code <title>} when the title is kept. */
    private boolean inHead;

    private boolean inTitle;

    /**
     * @param keepTitle whether the {@code <title>} belongs to the text: a web page's title is what
     *     its reader sees first, while an Office file's is a property (and is recorded as metadata)
     */
    PageTextHandler(TextBudget budget, int maxPages, boolean keepTitle) {
        this.budget = budget;
        this.maxPages = maxPages;
        this.keepTitle = keepTitle;
    }

    /** Thrown to stop the parse once the text budget is spent. */
    static final class BudgetSpentException extends SAXException {
        BudgetSpentException() {
            super("text budget spent");
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        depth++;
        if (localName.equals("head")) {
            inHead = true;
        } else if (localName.equals("title")) {
            inTitle = true;
        } else if (pageDepth < 0 && isPageDiv(localName, attributes)) {
            startPage();
            pageDepth = depth;
        } else if ((localName.equals("td") || localName.equals("th")) && !atLineStart()) {
            append("\t");
        } else if (BLOCKS.contains(localName)) {
            endLine();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (depth == pageDepth) {
            pageDepth = -1;
        }
        depth--;
        if (localName.equals("head")) {
            inHead = false;
        } else if (localName.equals("title")) {
            inTitle = false;
        }
        if (BLOCKS.contains(localName)) {
            endLine();
        }
    }

    @Override
    public void characters(char[] text, int start, int length) throws SAXException {
        if (!inHead || inTitle && keepTitle) {
            append(new String(text, start, length));
        }
    }

    /** The pages read, in order: one at least, perhaps empty. */
    List<String> pages() {
        List<String> pages = new ArrayList<>(finishedPages);
        pages.add(tidy(page));
        return pages;
    }

    private static boolean isPageDiv(String localName, Attributes attributes) {
        String cssClass = attributes.getValue("class");
        return localName.equals("div") && cssClass != null && PAGE_CLASSES.contains(cssClass);
    }

    /** Without the blank lines that the source's own line breaks leave between blocks. */
    private static String tidy(StringBuilder text) {
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    /**
     * A new slide or sheet. What comes before the first one stays on the first page, and what
     * follows a slide's own {@code div} (its notes, comments) stays on that slide.
     */
    private void startPage() {
        if (sawPage) {
            if (finishedPages.size() + 1 >= maxPages) {
                throw new RefusedContentException(
                        MetadataOnlyReason.TOO_MANY_PAGES, "more than " + maxPages + " slides or sheets");
            }
            finishedPages.add(tidy(page));
            page = new StringBuilder();
        }
        sawPage = true;
    }

    private void endLine() throws SAXException {
        if (!atLineStart()) {
            append("\n");
        }
    }

    private boolean atLineStart() {
        return page.isEmpty() || page.charAt(page.length() - 1) == '\n';
    }

    private void append(String text) throws SAXException {
        String kept = budget.take(text);
        page.append(kept);
        if (kept.length() < text.length()) {
            throw new BudgetSpentException();
        }
    }
}
