package io.cellharness.fence;

/** How the drivers write a reason: one line, bounded, whatever a BMC or a tool sent. */
final class Reasons {

    private static final int MAX_LENGTH = 200;

    private Reasons() {
    }

    /** {@code text} on one line with runs of white space collapsed, cut at {@value #MAX_LENGTH} characters. */
    static String oneLine(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_LENGTH ? flat : flat.substring(0, MAX_LENGTH) + "...";
    }
}
