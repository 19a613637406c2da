package io.cellharness.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A documented vocabulary: an enum whose constants have a fixed spelling in specification files.
 */
public interface Vocabulary {

    /** The spelling of this constant in YAML and on the command line. */
    String yamlName();

    /**
     * Finds the constant spelt {@code text}, ignoring case; the error lists every accepted spelling.
     *
     * @param what what the vocabulary is called in messages, e.g. "disk bus"
     */
    static <E extends Enum<E> & Vocabulary> E parse(Class<E> type, String text, String what) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.yamlName().equals(wanted)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "'; expected one of " + spellings(type));
    }

    /** Every accepted spelling, comma separated, in declaration order. */
    static <E extends Enum<E> & Vocabulary> String spellings(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Vocabulary::yamlName).collect(Collectors.joining(", "));
    }
}
