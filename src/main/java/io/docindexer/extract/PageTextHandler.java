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
 * {@code <h1>}), so that a hit names the slide or sheet; other documents are one page. Tika's
 * OpenDocument parser marks neither slides nor sheets, but writes each sheet of a spreadsheet as
 * a table of the body: there each top-level table is a page (without a name to start it). Block
 * elements end a line and table cells are separated by a tab, so words never run together.
 *
 * <p>Text is charged to the document's {@link TextBudget} as it arrives; once the budget is spent
 * the parse is stopped, since Tika's parsers would otherwise go on reading what nobody keeps.
 */
final class PageTextHandler extends DefaultHandler {

    /** The classes Tika's Office parsers give the {@code div} that holds one slide or sheet. */
    private static final Set<String> PAGE_CLASSES = Set.of("page", "sheet", "slide", "slide-content");

    /** Web pages keep their title in the text: it is what their reader sees first. */
    private static final Set<String> WEB_PAGES = Set.of("text/html", "application/xhtml+xml");

    private static final String OPENDOCUMENT_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet";

    private static final Set<String> BLOCKS =
            Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "title", "pre", "blockquote");

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(?:\\n[ \\t]*)+\\n");

    private final TextBudget budget;
    private final int maxPages;
    private final boolean keepTitle;
    private final boolean tablesArePages;
    private final List<String> finishedPages = new ArrayList<>();
    private StringBuilder page = new StringBuilder();
    private boolean sawPage;
    private int depth;
    /** Depth of the open page {@code div}, -1 outside one: a page class nested in it is no new page. */
    private int pageDepth = -1;
    /** Inside {@code <head>}, or inside its {@code <title>} when the title is kept. */
    private boolean inHead;

    private boolean inTitle;
    /** Table cells open around the text: nested tables open cells within cells. */
    private int openCells;
    /** A paragraph inside a cell ended: its next text is set apart by a space. */
    private boolean spaceBeforeText;

    /**
     * @param contentType the detected type, which says where pages start and whether the
     *     {@code <title>} belongs to the text (a web page's) or is a property recorded as metadata
     *     (an Office file's)
     */
    PageTextHandler(TextBudget budget, int maxPages, String contentType) {
        this.budget = budget;
        this.maxPages = maxPages;
        this.keepTitle = WEB_PAGES.contains(contentType);
        this.tablesArePages = contentType.equals(OPENDOCUMENT_SPREADSHEET);
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
        } else if (pageDepth < 0 && (isPageDiv(localName, attributes) || isSheetTable(localName))) {
            startPage();
            pageDepth = depth;
        } else if (isCell(localName)) {
            if (!atLineStart()) {
                append("\t");
            }
            openCells++;
        } else if (BLOCKS.contains(localName)) {
            breakLine();
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
        if (isCell(localName)) {
            openCells--;
            spaceBeforeText = false;
        } else if (BLOCKS.contains(localName)) {
            breakLine();
        }
    }

    @Override
    public void characters(char[] text, int start, int length) throws SAXException {
        if (!inHead || inTitle && keepTitle) {
            if (spaceBeforeText && !atWhitespace()) {
                append(" ");
            }
            spaceBeforeText = false;
            append(new String(text, start, length));
        }
    }

    /** The pages read, in order: one at least, perhaps empty. */
    List<String> pages() {
        List<String> pages = new ArrayList<>(finishedPages);
        pages.add(tidy(page));
        return pages;
    }

    /** A table right inside the body of an OpenDocument spreadsheet: a sheet (html, body, table). */
    private boolean isSheetTable(String localName) {
        return tablesArePages && depth == 3 && localName.equals("table");
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

    /**
     * Where a block starts or ends: a new line, but inside a table cell only a space before the
     * cell's next text, so that a row stays one line with its cells apart by tabs (OpenDocument
     * wraps each cell's text in paragraphs).
     */
    private void breakLine() throws SAXException {
        if (openCells > 0) {
            spaceBeforeText = true;
        } else {
            endLine();
        }
    }

    private boolean atWhitespace() {
        return page.isEmpty() || Character.isWhitespace(page.charAt(page.length() - 1));
    }

    private static boolean isCell(String localName) {
        return localName.equals("td") || localName.equals("th");
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
