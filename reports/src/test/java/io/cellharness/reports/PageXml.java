package io.cellharness.reports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A rendered page read as XML, to check its structure: the pages are written well-formed (self-closed void
 * elements), so a parse error means broken markup. The bodies of the page's own {@code <script>} and {@code <style>}
 * (code, not markup) are emptied first.
 */
public final class PageXml {

    private final Document document;

    private PageXml(Document document) {
        this.document = document;
    }

    public static PageXml parse(String html) throws Exception {
        String markup = html.replaceAll("(?s)<script>.*?</script>", "<script></script>")
                .replaceAll("(?s)<style>.*?</style>", "<style></style>");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return new PageXml(factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8))));
    }

    /** The text content of every node the XPath expression selects. */
    public List<String> texts(String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document,
                XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    public int count(String xpath) throws Exception {
        return texts(xpath).size();
    }
}
