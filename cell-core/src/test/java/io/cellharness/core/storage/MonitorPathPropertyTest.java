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

    static final MonitorSettings SETTINGS = new MonitorSettings(1_000, 3, 400, 8_000);
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
     * (b) S-09: while one monitor answers every probe, each flapping monitor causes, per host, at most one failover
     * away from it and at most one failback to it per stable period; and the I/O never stalls.
     */
    @Property(tries = 300)
    void a_flapping_monitor_moves_the_path_at_most_once_each_way_per_stable_period(
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
                assertSpacedByMoreThanStablePeriod(s.times(host, PathChangeReason.FAILOVER, monitor, true),
                        "failovers of " + host + " away from " + monitor);
                assertSpacedByMoreThanStablePeriod(s.times(host, PathChangeReason.FAILBACK, monitor, false),
                        "failbacks of " + host + " to " + monitor);
            }
        }
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

        s.rig.advanceTo(END + SETTINGS.stablePeriodMillis() + SETTINGS.stallBoundMillis()
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

    private static void assertSpacedByMoreThanStablePeriod(List<Long> times, String what) {
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).as(what + " at " + times).isGreaterThan(
                    SETTINGS.stablePeriodMillis());
        }
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
                if (i == steady) {
                    continue;
                }
                String monitor = hosts.get(i);
                long t = 0;
                boolean up = true;
                for (int duration : toggles.get(i)) {
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
