package io.cellharness.libvirt.xml;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small mutable builder for XML elements that prints itself with two-space indentation and attributes in insertion
 * order, so the same input always gives byte-identical XML (diffable domain definitions, stable golden files).
 * Escaping is left to the JDK's StAX writer.
 */
public final class XmlElement {

    private record Attribute(String name, String value) {
    }

    private final String name;
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<XmlElement> children = new ArrayList<>();
    private String text;

    private XmlElement(String name) {
        this.name = name;
    }

    public static XmlElement of(String name) {
        return new XmlElement(name);
    }

    /** Adds an attribute; a null value leaves it out. */
    public XmlElement attr(String attribute, Object value) {
        if (value != null) {
            attributes.add(new Attribute(attribute, String.valueOf(value)));
        }
        return this;
    }

    public XmlElement text(Object value) {
        if (!children.isEmpty()) {
            throw new IllegalStateException("<" + name + "> has child elements; mixed content is not written");
        }
        this.text = String.valueOf(value);
        return this;
    }

    /** Appends a child and returns it, for nesting. */
    public XmlElement child(String childName) {
        XmlElement child = new XmlElement(childName);
        add(child);
        return child;
    }

    /** Appends {@code <childName>value</childName>} and returns this element. */
    public XmlElement textChild(String childName, Object value) {
        child(childName).text(value);
        return this;
    }

    public XmlElement add(XmlElement child) {
        if (text != null) {
            throw new IllegalStateException("<" + name + "> has text; mixed content is not written");
        }
        children.add(child);
        return this;
    }

    /** The element and everything below it, pretty-printed, ending with a newline. */
    public String toXml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            write(writer, 0);
            writer.writeCharacters("\n");
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write <" + name + ">: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private void write(XMLStreamWriter writer, int depth) throws XMLStreamException {
        if (children.isEmpty() && text == null) {
            writer.writeEmptyElement(name);
            writeAttributes(writer);
            return;
        }
        writer.writeStartElement(name);
        writeAttributes(writer);
        if (text != null) {
            writer.writeCharacters(text);
        } else {
            for (XmlElement child : children) {
                writer.writeCharacters("\n" + "  ".repeat(depth + 1));
                child.write(writer, depth + 1);
            }
            writer.writeCharacters("\n" + "  ".repeat(depth));
        }
        writer.writeEndElement();
    }

    private void writeAttributes(XMLStreamWriter writer) throws XMLStreamException {
        for (Attribute a : attributes) {
            writer.writeAttribute(a.name(), a.value());
        }
    }
}
