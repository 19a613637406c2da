package io.cellharness.libvirt.connect;

import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.LifecycleEventType;
import java.util.List;

/**
 * libvirt's domain states, state reasons, lifecycle events and event details by number, as libvirt 9.0's
 * {@code libvirt-domain.h} declares them. Read from raw numbers, like errors, so that a detail newer than a binding's
 * table is not silently misnamed.
 */
public final class LibvirtStates {

    private static final List<List<String>> STATE_REASONS = List.of(
            List.of("unknown"),
            List.of("unknown", "booted", "migrated", "restored", "from snapshot", "unpaused", "migration canceled",
                    "save canceled", "wakeup", "crashed", "postcopy", "postcopy failed"),
            List.of("unknown"),
            List.of("unknown", "user", "migration", "save", "dump", "I/O error", "watchdog", "from snapshot",
                    "shutting down", "snapshot", "crashed", "starting up", "postcopy", "postcopy failed"),
            List.of("unknown", "user"),
            List.of("unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from snapshot",
                    "daemon"),
            List.of("unknown", "panicked"),
            List.of("unknown"));

    private static final List<List<String>> EVENT_DETAILS = List.of(
            List.of("added", "updated", "renamed", "from snapshot"),
            List.of("removed", "renamed"),
            List.of("booted", "migrated", "restored", "from snapshot", "wakeup"),
            List.of("paused", "migrated", "I/O error", "watchdog", "restored", "from snapshot", "API error", "postcopy",
                    "postcopy failed"),
            List.of("unpaused", "migrated", "from snapshot", "postcopy", "postcopy failed"),
            List.of("shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from snapshot"),
            List.of("finished", "guest", "host"),
            List.of("memory", "disk"),
            List.of("panicked", "crashloaded"));

    private LibvirtStates() {
    }

    /** {@code virDomainState} 0..7 in the order {@link DomainState} declares them; anything else has no state. */
    public static DomainState state(int number) {
        DomainState[] all = DomainState.values();
        return number >= 0 && number < all.length ? all[number] : DomainState.NO_STATE;
    }

    public static String stateReason(int state, int reason) {
        return name(STATE_REASONS, state, reason);
    }

    /** {@code virDomainEventType} 0..8 in the order {@link LifecycleEventType} declares them; else null. */
    public static LifecycleEventType event(int number) {
        LifecycleEventType[] all = LifecycleEventType.values();
        return number >= 0 && number < all.length ? all[number] : null;
    }

    public static String eventDetail(int event, int detail) {
        return name(EVENT_DETAILS, event, detail);
    }

    private static String name(List<List<String>> table, int row, int column) {
        if (row < 0 || row >= table.size() || column < 0 || column >= table.get(row).size()) {
            return "unknown (" + column + ")";
        }
        return table.get(row).get(column);
    }
}
