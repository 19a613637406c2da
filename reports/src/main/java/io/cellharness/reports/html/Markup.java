package io.cellharness.reports.html;

import java.util.Locale;

/**
 * An append-only writer of HTML/SVG markup. Tag and attribute names come from code; every text and attribute value
 * is escaped here, so a page built only through this class cannot be injected into by its data. The output is also
 * well-formed XML (void elements are self-closed), which the tests use to check the structure.
 */
public final class Markup {

    private final StringBuilder out;

    public Markup() {
        this.out = new StringBuilder(16 * 1024);
    }

    /** {@code <tag a="v" ...>}; {@code attributes} alternate name and value, a null value leaves the attribute out. */
    public Markup open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    public Markup close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag a="v" .../>}: a void HTML element or an empty SVG element. */
    public Markup empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** {@code <tag ...>text</tag>}. */
    public Markup element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public Markup text(String text) {
        out.append(Html.escape(text));
        return this;
    }

    /** Markup written by this code base, never data: stylesheets, scripts, fixed fragments. */
    public Markup trusted(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends what another writer built (it escaped its own data). */
    public Markup append(Markup other) {
        out.append(other.out);
        return this;
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must come as name/value pairs, got " + attributes.length
                    + " strings");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(Html.escape(attributes[i + 1])).append('"');
            }
        }
    }

    /** A coordinate for SVG: at most two decimals, no trailing zeros, no exponent, independent of the default locale. */
    public static String num(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite coordinate: " + value);
        }
        String s = String.format(Locale.ROOT, "%.2f", value);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.equals("-0") ? "0" : s;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
