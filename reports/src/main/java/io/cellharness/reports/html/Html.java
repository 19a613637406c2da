package io.cellharness.reports.html;

/**
 * Escaping of text for HTML element content and quoted attribute values (the same rules serve both).
 */
public final class Html {

    private static final char REPLACEMENT = '\uFFFD';

    private Html() {
    }

    /**
     * The text with {@code & < > " '} escaped and every character that HTML and XML forbid in a document (C0 and C1
     * controls other than tab, line feed and carriage return, lone surrogates, U+FFFE, U+FFFF) replaced by U+FFFD, so
     * a host named {@code <script>} stays text and a stray control byte from a trace cannot break the page.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else {
                        out.append(allowed(c) ? c : REPLACEMENT);
                    }
                }
            }
        }
        return out.toString();
    }

    /** What {@link #escape} keeps of {@code text} once a browser has decoded it: the text with forbidden characters replaced. */
    public static String visibleText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(allowed(c) ? c : REPLACEMENT);
            }
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return false;
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
