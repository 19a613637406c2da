package io.cellharness.reports.casefile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A moment worth a vertical line on the timeline.
 *
 * @param atMillis virtual time since the start of the run
 * @param kind what happened
 * @param target the host or VM it happened to (a lane name when there is one; may be empty)
 * @param text one line for the tooltip
 */
public record Marker(long atMillis, Kind kind, String target, String text) {

    /** What a marker stands for; {@link #spelling()} is its name in traces and on the page. */
    public enum Kind {
        /** A fault was injected (host crash, network cut, BMC down, monitor down ...). */
        FAULT("fault"),
        /** An injected fault was lifted. */
        FAULT_END("fault-end"),
        /** The manager sent a fence (IPMI/Redfish power off), H-04. */
        FENCE("fence"),
        /** The fence was confirmed: the power state read back as off, H-06. */
        FENCE_CONFIRMED("fence-confirmed"),
        /** A live migration started, G-01. */
        MIGRATION_START("migration-start"),
        /** A live migration ended (either way; the text says how). */
        MIGRATION_END("migration-end"),
        /** An HA VM was started on another host, H-04. */
        RESTART("restart"),
        /** The manager raised an alert (H-07, H-09, H-10). */
        ALERT("alert"),
        /** An invariant was violated at this moment. */
        VIOLATION("violation"),
        /** Anything else worth pointing at. */
        NOTE("note");

        private final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }

        /** The kind spelled {@code spelling} ({@code fence-confirmed}); a clear error naming the known spellings otherwise. */
        public static Kind fromSpelling(String spelling) {
            for (Kind kind : values()) {
                if (kind.spelling.equals(spelling.strip().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown marker kind '" + spelling + "', expected one of "
                    + Arrays.stream(values()).map(Kind::spelling).collect(Collectors.joining(", ")));
        }
    }

    public Marker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(text, "text");
    }
}
