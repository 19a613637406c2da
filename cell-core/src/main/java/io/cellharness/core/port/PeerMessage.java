package io.cellharness.core.port;

import java.util.List;

/**
 * What HA helpers and the manager say to each other over the management network (H-01 … H-03). A message may be
 * lost; requests that get no reply complete {@link OpResult.Unknown}.
 */
public sealed interface PeerMessage {

    /**
     * A helper's periodic report to the manager (H-01).
     *
     * @param host        the reporting host
     * @param sequence    increases by one per heartbeat of this helper's life
     * @param libvirtOk   the local libvirt connection answered
     * @param storageOk   a storage heartbeat write succeeded within the last two heartbeat periods
     * @param runningVms  the domains running on the host, sorted
     */
    record Heartbeat(String host, long sequence, boolean libvirtOk, boolean storageOk, List<String> runningVms)
            implements PeerMessage {
        public Heartbeat {
            runningVms = List.copyOf(runningVms);
        }
    }

    /** The manager's acknowledgement of a heartbeat: the helper knows it is in contact. */
    record HeartbeatAck(long sequence) implements PeerMessage {
    }

    /** A helper asks a neighbour to keep checking it (H-02). */
    record CheckMe(String host) implements PeerMessage {
    }

    /** Are you alive? Answered by the target's helper with a {@link ProbeReply}. */
    record Probe(String target) implements PeerMessage {
    }

    record ProbeReply(String host, boolean libvirtOk) implements PeerMessage {
    }

    /** The manager asks a neighbour to check {@code target} now (activity check). */
    record CheckRequest(String target) implements PeerMessage {
    }

    /**
     * A neighbour's verdict on a host.
     *
     * @param checker   the neighbour that checked
     * @param target    the host checked
     * @param reachable the target's helper answered a probe
     * @param evidence  what the neighbour saw, one line
     */
    record CheckReply(String checker, String target, boolean reachable, String evidence) implements PeerMessage {
    }

    /** A neighbour tells the manager a host stopped answering (H-03). */
    record SuspectReport(String reporter, String target, String evidence) implements PeerMessage {
    }
}
