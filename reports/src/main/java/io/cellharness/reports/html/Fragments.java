package io.cellharness.reports.html;

/** Pieces both report pages use: a fact in a header strip, and a monospace block with a copy button. */
public final class Fragments {

    private Fragments() {
    }

    /** One {@code <dt>/<dd>} pair of a {@code <dl class="facts">}. */
    public static void fact(Markup m, String name, String value, boolean monospace) {
        m.open("div").element("dt", name).element("dd", value, "class", monospace ? "mono" : null).close("div");
    }

    /** A command in a monospace block with a copy button; {@code id} must be unique in the page. */
    public static void copyable(Markup m, String id, String text) {
        m.open("div", "class", "copyable");
        m.element("pre", text, "id", id);
        m.element("button", "Copy", "class", "copy", "type", "button", "data-copy", id, "title", "Copy to the clipboard");
        m.close("div");
    }
}
