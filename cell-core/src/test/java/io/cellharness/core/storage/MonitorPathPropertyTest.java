package io.cellharness.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * S-05 … S-09 over random up/down schedules of the monitors of an HCI cluster (every host runs a monitor and one VM
 * that writes at random times), checked against what the fake monitors really answered, not against the selector's
 * own bookkeeping.
 */
class MonitorPathPropertyTest {

    static final MonitorSettings SETTINGS = new MonitorSettings(1_000, 3, 400, 8_000, 2_000, 8_000);
    static final long END = 60_000;
    /** A monitor is "recent" if it answered within this long: the threshold of misses plus one timeout. */
    static final long ANSWER_WINDOW = SETTINGS.probePeriodMillis() * SETTINGS.missThreshold()
            + SETTINGS.probeTimeoutMillis();

    /**
     * (a) After every event, each host's path is a monitor that answered a probe from that host within the threshold
     * window, or none; and no write is ever lost.
     */
    @Property(tries = 300)
    void the_path_is_always_a_recently_answering_monitor_or_none(
            @ForAll @Size(min = 2, max = 4) List<@Size(max = 30) List<@IntRange(min = 50, max = 6_000) Integer>> toggles,
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 59_999) Integer> writes,
            @ForAll @IntRange(min = 1, max = 400) int maxLatency,
            @ForAll boolean refuseWhenDown) {
        Scenario s = new Scenario(toggles.size(), maxLatency);
        s.schedule(toggles, -1, refuseWhenDown);
        s.writes(writes);
        s.rig.scheduler.afterEachAction(s::checkPathAnsweredRecently);
        s.rig.scheduler.afterEachAction(s::checkNothingLost);

        s.rig.advanceTo(END);
    }

    /**
     * (b) S-09: while one monitor answers every probe, the I/O never stalls; and whenever a monitor fails (the path
     * fails over away from it) within the damping window of the path's last return to it, the next return comes no
     * sooner than the first hold after that failure.
     */
    @Property(tries = 300)
    void a_monitor_failing_soon_after_its_failback_is_held_before_the_next(
            @ForAll @Size(min = 1, max = 3) List<@Size(max = 60) List<@IntRange(min = 50, max = 3_000) Integer>> toggles,
            @ForAll @IntRange(min = 1, max = 400) int maxLatency,
            @ForAll boolean refuseWhenDown) {
        int monitors = toggles.size() + 1;
        Scenario s = new Scenario(monitors, maxLatency);
        s.schedule(toggles, monitors - 1, refuseWhenDown);

        s.rig.advanceTo(END);

        assertThat(s.rig.changes(PathChangeReason.STALL)).isEmpty();
        for (String host : s.hosts) {
            for (String monitor : s.hosts) {
                List<PathChange> moves = s.moves(host, monitor);
                for (int i = 2; i < moves.size(); i++) {
                    PathChange regained = moves.get(i - 2);
                    PathChange lost = moves.get(i - 1);
                    PathChange back = moves.get(i);
                    IoPath side = IoPath.via(monitor);
                    if (regained.to().equals(side) && lost.from().equals(side) && back.to().equals(side)
                            && lost.reason() == PathChangeReason.FAILOVER && back.reason() == PathChangeReason.FAILBACK
                            && lost.timeMillis() - regained.timeMillis() <= SETTINGS.dampingWindowMillis()) {
                        assertThat(back.timeMillis() - lost.timeMillis())
                                .as("%s back to %s at %d after failing at %d, %d ms after regaining it", host, monitor,
                                        back.timeMillis(), lost.timeMillis(), lost.timeMillis() - regained.timeMillis())
                                .isGreaterThanOrEqualTo(SETTINGS.firstHoldMillis());
                    }
                }
            }
        }
    }

    /**
     * (d) S-06: a local monitor that fails once, for any time, is back on its host's path within one probe period
     * (plus the answer's latency) of answering again.
     */
    @Property(tries = 300)
    void a_single_recovery_fails_back_within_one_probe_period(
            @ForAll @IntRange(min = 2, max = 4) int monitors,
            @ForAll @IntRange(min = 0, max = 3) int which,
            @ForAll @IntRange(min = 1, max = 30_000) int downAt,
            @ForAll @IntRange(min = 1, max = 25_000) int downFor,
            @ForAll @IntRange(min = 1, max = 400) int maxLatency,
            @ForAll boolean refuseWhenDown) {
        Scenario s = new Scenario(monitors, maxLatency);
        String local = s.hosts.get(which % monitors);
        s.toggle(local, List.of(downAt, downFor), refuseWhenDown);
        long upAt = (long) downAt + downFor;

        s.rig.advanceTo(END);

        if (!s.rig.changes(PathChangeReason.FAILOVER).stream().anyMatch(c -> c.host().equals(local))) {
            return; // too short an outage to be declared down: nothing to fail back from
        }
        assertThat(s.rig.selector.path(local)).isEqualTo(IoPath.via(local));
        PathChange back = s.rig.changes(PathChangeReason.FAILBACK).stream()
                .filter(c -> c.host().equals(local)).findFirst().orElseThrow();
        assertThat(back.timeMillis() - upAt).isLessThanOrEqualTo(SETTINGS.probePeriodMillis() + maxLatency);
    }

    /**
     * (c) S-05, S-08: once any monitor is up at the end, every write issued is acknowledged, in order, and none is
     * lost, however the monitors came and went before.
     */
    @Property(tries = 300)
    void once_a_monitor_is_up_every_write_is_acknowledged_and_none_lost(
            @ForAll @Size(min = 2, max = 4) List<@Size(max = 30) List<@IntRange(min = 50, max = 6_000) Integer>> toggles,
            @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 59_999) Integer> writes,
            @ForAll @IntRange(min = 0, max = 3) int survivor,
            @ForAll @IntRange(min = 1, max = 400) int maxLatency,
            @ForAll boolean refuseWhenDown) {
        Scenario s = new Scenario(toggles.size(), maxLatency);
        s.schedule(toggles, -1, refuseWhenDown);
        s.writes(writes);
        String up = s.hosts.get(survivor % s.hosts.size());
        s.rig.at(END, () -> s.rig.monitors.up(up));

        s.rig.advanceTo(END + SETTINGS.maxHoldMillis() + SETTINGS.stallBoundMillis()
                + 3 * SETTINGS.probePeriodMillis());

        long issued = 0;
        for (String vm : s.vms) {
            IoCounters c = s.rig.selector.counters(vm);
            assertThat(c.writesAcknowledged()).as(vm + " acknowledged").isEqualTo(c.writesIssued());
            assertThat(c.writesPending()).as(vm + " pending").isZero();
            assertThat(c.writesLost()).as(vm + " lost").isZero();
            issued += c.writesIssued();
        }
        assertThat(issued).isEqualTo(writes.size());
        for (String host : s.hosts) {
            assertThat(s.rig.selector.hostCounters(host).longestFailoverStallMillis())
                    .isLessThanOrEqualTo(SETTINGS.stallBoundMillis());
        }
    }

    /** The same schedule gives the same trace, event for event. */
    @Property(tries = 50)
    void a_schedule_replays_to_the_same_trace(
            @ForAll @Size(min = 2, max = 4) List<@Size(max = 30) List<@IntRange(min = 50, max = 6_000) Integer>> toggles,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 59_999) Integer> writes) {
        assertThat(trace(toggles, writes)).isEqualTo(trace(toggles, writes));
    }

    private static List<String> trace(List<List<Integer>> toggles, List<Integer> writes) {
        Scenario s = new Scenario(toggles.size(), 50);
        s.schedule(toggles, -1, false);
        s.writes(writes);
        s.rig.advanceTo(END);
        return s.rig.trace();
    }

    /** Hosts m0, m1, … each with a monitor and a VM vm-0, vm-1, …; monitors farther by index distance. */
    private static final class Scenario {
        final MonitorPathRig rig;
        final List<String> hosts = new ArrayList<>();
        final List<String> vms = new ArrayList<>();
        final Map<String, Long> registeredAt = new TreeMap<>();

        Scenario(int monitors, int maxLatency) {
            rig = new MonitorPathRig(SETTINGS,
                    (from, monitor) -> Math.abs(index(from) - index(monitor)));
            for (int i = 0; i < monitors; i++) {
                hosts.add("m" + i);
                vms.add("vm-" + i);
            }
            rig.hci(hosts.toArray(String[]::new));
            for (int i = 0; i < monitors; i++) {
                for (int j = 0; j < monitors; j++) {
                    rig.monitors.latency(hosts.get(i), hosts.get(j), 1 + (7L * i + 13L * j) % maxLatency);
                }
                rig.selector.attachVm(vms.get(i), hosts.get(i));
            }
            rig.start();
        }

        static int index(String host) {
            return Integer.parseInt(host.substring(1));
        }

        /** Monitor i starts up and toggles after each of its durations; {@code steady} never goes down. */
        void schedule(List<List<Integer>> toggles, int steady, boolean refuseWhenDown) {
            for (int i = 0; i < toggles.size(); i++) {
                if (i != steady) {
                    toggle(hosts.get(i), toggles.get(i), refuseWhenDown);
                }
            }
        }

        /** {@code monitor} starts up and toggles after each of the durations. */
        void toggle(String monitor, List<Integer> durations, boolean refuseWhenDown) {
            long t = 0;
            boolean up = true;
            for (int duration : durations) {
                t += duration;
                if (t >= END) {
                    break;
                }
                up = !up;
                boolean goUp = up;
                rig.at(t, () -> {
                    if (goUp) {
                        rig.monitors.up(monitor);
                    } else if (refuseWhenDown) {
                        rig.monitors.refuse(monitor);
                    } else {
                        rig.monitors.down(monitor);
                    }
                });
            }
        }

        void writes(List<Integer> times) {
            for (int w = 0; w < times.size(); w++) {
                String vm = vms.get(w % vms.size());
                rig.at(times.get(w), () -> rig.selector.issueWrite(vm));
            }
        }

        void checkPathAnsweredRecently() {
            long now = rig.scheduler.nowMillis();
            for (String host : hosts) {
                IoPath path = rig.selector.path(host);
                if (path instanceof IoPath.Via via) {
                    // a monitor registered at 0 is presumed to have answered then
                    long answered = rig.monitors.lastAnswer(host, via.monitorHost()).orElse(0);
                    assertThat(now - answered).as("t=%d %s %s last answered at %d", now, host, path, answered)
                            .isLessThan(ANSWER_WINDOW);
                }
            }
        }

        void checkNothingLost() {
            for (String vm : vms) {
                assertThat(rig.selector.counters(vm).writesLost()).as(vm + " lost writes").isZero();
            }
        }

        /** {@code host}'s path changes to or away from {@code monitor}, in order. */
        List<PathChange> moves(String host, String monitor) {
            IoPath side = IoPath.via(monitor);
            return rig.changes.stream()
                    .filter(c -> c.host().equals(host) && (c.from().equals(side) || c.to().equals(side)))
                    .filter(c -> c.reason() == PathChangeReason.FAILOVER || c.reason() == PathChangeReason.FAILBACK
                            || c.reason() == PathChangeReason.RESUME)
                    .toList();
        }

        /** When {@code host}'s path changed for {@code reason} away from ({@code from}) or to {@code monitor}. */
        List<Long> times(String host, PathChangeReason reason, String monitor, boolean from) {
            IoPath side = IoPath.via(monitor);
            return rig.changes.stream()
                    .filter(c -> c.host().equals(host) && c.reason() == reason)
                    .filter(c -> (from ? c.from() : c.to()).equals(side))
                    .map(PathChange::timeMillis)
                    .toList();
        }
    }
}
