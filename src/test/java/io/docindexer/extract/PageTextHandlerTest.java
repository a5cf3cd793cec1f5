package io.docindexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class PageTextHandlerTest {

    private static final String SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet";

    @Test
    void paragraphsInsideACellKeepTheRowOnOneLine() throws Exception {
        List<String> pages = pages(
                SPREADSHEET,
                "<table><tr><td><p>株式会社</p><p>山田商事</p></td><td><p>12000</p></td></tr>"
                        + "<tr><td><p>合計</p></td><td><p>12000</p></td></tr></table>");

        assertThat(pages).containsExactly("株式会社 山田商事\t12000\n合計\t12000");
    }

    @Test
    void eachTableOfASpreadsheetsBodyIsAPageButANestedOneIsNot() throws Exception {
        List<String> pages = pages(
                SPREADSHEET,
                "<table><tr><td>first<table><tr><td>inner</td></tr></table></td></tr></table>"
                        + "<table><tr><td>second</td></tr></table>");

        assertThat(pages).containsExactly("first\tinner", "second");
    }

    @Test
    void aTextDocumentsTablesStayOnItsOnePage() throws Exception {
        List<String> pages = pages(
                "application/vnd.oasis.opendocument.text",
                "<p>before</p><table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>");

        assertThat(pages).containsExactly("before\na\nb");
    }

    private static List<String> pages(String contentType, String body) throws Exception {
        PageTextHandler handler = new PageTextHandler(new TextBudget(10_000), 100, contentType);
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>" + body
                + "</body></html>";
        factory.newSAXParser().parse(new InputSource(new StringReader(xhtml)), handler);
        return handler.pages();
    }
}
