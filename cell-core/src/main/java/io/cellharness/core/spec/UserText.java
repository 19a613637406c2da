package io.cellharness.core.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How text from a user's file or command line appears in a message: on one line, and quoted only when it is a short
 * token. A message never echoes a line of an arbitrary file ({@code clusterFile: /etc/shadow}), a raw newline, or a
 * megabyte of value.
 */
public final class UserText {

    /** The longest value a message quotes. */
    public static final int MAX_TOKEN = 40;

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N} _.,:/@+=()\\[\\]#%~-]*");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'");

    private UserText() {
    }

    /** {@code 'value'} when the value is a short plain token; otherwise a description that shows none of it. */
    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        if (s.isEmpty()) {
            return "''";
        }
        if (isToken(s)) {
            return "'" + s + "'";
        }
        return "a value of " + s.length() + " character" + (s.length() == 1 ? "" : "s") + " (not shown)";
    }

    /** Whether {@code s} may be shown as it is. */
    public static boolean isToken(String s) {
        return s.length() <= MAX_TOKEN && TOKEN.matcher(s).matches();
    }

    /** A path segment (a key) as it may appear in a field path: itself when it is a token, else {@code ?}. */
    public static String key(String s) {
        return s != null && !s.isEmpty() && isToken(s) && s.indexOf(' ') < 0 ? s : "?";
    }

    /**
     * A message made safe to print: every {@code 'quoted'} part re-quoted by {@link #quote}, control characters shown
     * as escapes, so the message is one line.
     */
    public static String message(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = QUOTED.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(quote(m.group(1))));
        }
        m.appendTail(sb);
        return oneLine(sb.toString());
    }

    /** Control characters as escapes ({@code \n}, {@code \u0000}): the text stays on one line. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
