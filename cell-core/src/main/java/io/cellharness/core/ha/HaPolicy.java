package io.cellharness.core.ha;

import java.util.Locale;

/**
 * Which host-HA policy the manager runs. {@link #CELL} is this project's (H-01 … H-13) and the default;
 * {@link #CLOUDSTACK} is CloudStack's KVM Host HA as Mold (a CloudStack fork) runs it, so that a field incident can
 * be replayed as it happened and compared with the Cell policy on the same seed. Both run behind the same ports.
 */
public enum HaPolicy {
    CELL("cell"),
    CLOUDSTACK("cloudstack");

    private final String word;

    HaPolicy(String word) {
        this.word = word;
    }

    /** The word used in scenario files ({@code ha.policy}) and on the command line ({@code --policy}). */
    public String word() {
        return word;
    }

    /** Parses {@code cell} or {@code cloudstack}; anything else is refused with the words that are accepted. */
    public static HaPolicy parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (HaPolicy p : values()) {
            if (p.word.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown HA policy '" + text + "'; expected cell or cloudstack");
    }
}
