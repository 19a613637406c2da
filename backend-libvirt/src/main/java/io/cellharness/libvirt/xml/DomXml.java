package io.cellharness.libvirt.xml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reading libvirt XML with the JDK's DOM: namespace aware, no DTDs or external entities (XXE). */
public final class DomXml {

    private DomXml() {
    }

    /**
     * Parses {@code xml}; a document that is not well-formed XML is a {@link DomainXmlException}.
     *
     * @param what what the document is, for the error message
     */
    public static Element parse(String xml, String what) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new DomainXmlException(what + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The element children of {@code parent} named {@code name} (no namespace), in document order. */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getNamespaceURI() == null && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every element child of {@code parent}, in document order. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child named {@code name}, or null. */
    public static Element firstChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of the first child named {@code name}, or null. */
    public static String childText(Element parent, String name) {
        Element e = firstChild(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    /** An attribute's value, or null when absent (DOM answers "" for both). */
    public static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
