package io.cellharness.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageControllerSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of S-04 … S-09 with P = 1000 ms, N = 3, T = 500 ms, a damping window of 20 s, a first hold of 4 s and a
 * bound of 16 s: probes at 0, 1000, 2000 …, each decided by its deadline 500 ms later; answers arrive 5 ms after the
 * probe.
 */
class MonitorPathSelectorTest {

    static final MonitorSettings SETTINGS = new MonitorSettings(1_000, 3, 500, 20_000, 4_000, 16_000);

    private final MonitorPathRig rig = new MonitorPathRig(SETTINGS, Proximity.UNIFORM);
    private final MonitorPathSelector selector = rig.selector;

    @Nested
    class LocalPath {
        @Test
        void a_host_takes_its_own_monitor_first_then_the_nearest_then_by_name() {
            Proximity hops = (from, monitor) -> from.equals("a") && monitor.equals("c") ? 1 : 2;
            MonitorPathRig r = new MonitorPathRig(SETTINGS, hops).hci("a", "b", "c", "d");

            assertThat(r.selector.monitorOrder("a")).containsExactly("a", "c", "b", "d");
            assertThat(r.selector.monitorOrder("d")).containsExactly("d", "a", "b", "c");
            assertThat(r.selector.path("a")).isEqualTo(IoPath.via("a"));
            assertThat(r.changes).extracting(PathChange::reason).containsOnly(PathChangeReason.INITIAL);
            assertThat(r.changes).extracting(PathChange::to)
                    .containsExactly(IoPath.via("a"), IoPath.via("b"), IoPath.via("c"), IoPath.via("d"));
        }

        @Test
        void healthy_monitors_keep_every_host_on_its_local_path() {
            rig.hci("a", "b", "c").start();

            rig.advanceTo(60_000);

            assertThat(rig.changes).extracting(PathChange::reason).containsOnly(PathChangeReason.INITIAL);
            assertThat(rig.monitors.probes()).isEqualTo(61L * 3 * 3);
            assertThat(rig.loop.roundsStarted()).isEqualTo(61);
        }

        @Test
        void a_host_without_its_own_controller_uses_the_nearest_monitor() {
            selector.addMonitor("b");
            selector.addMonitor("a");
            selector.addHost("compute-1");

            assertThat(selector.path("compute-1")).isEqualTo(IoPath.via("a"));
        }

        @Test
        void a_host_without_any_monitor_has_no_path_until_one_is_registered() {
            selector.addHost("a");
            assertThat(selector.path("a")).isEqualTo(IoPath.NONE);

            selector.addMonitor("b");

            assertThat(selector.path("a")).isEqualTo(IoPath.via("b"));
            assertThat(rig.changes).extracting(PathChange::reason)
                    .containsExactly(PathChangeReason.INITIAL, PathChangeReason.MONITOR_ADDED);
        }

        @Test
        void the_cluster_spec_registers_controllers_hosts_and_vms_with_glue_disks() {
            DiskSpec glue = new DiskSpec(null, StorageType.GLUE_RBD, "rbd/web-1", Size.ofGiB(10));
            DiskSpec local = new DiskSpec(null, StorageType.LOCAL, "/var/lib/cell/images/db-1.raw", Size.ofGiB(10));
            ClusterSpec spec = new ClusterSpec("c", null, List.of(hciHost("a"), hciHost("b"),
                    new HostSpec("c", 8, Size.ofGiB(64), null, null, null, null, null, null)),
                    List.of(VmSpec.of("web-1", Size.ofGiB(2), 1).withHost("c").withDisks(List.of(glue)),
                            VmSpec.of("db-1", Size.ofGiB(2), 1).withHost("a").withDisks(List.of(local))));

            selector.registerCluster(spec);

            assertThat(selector.hosts()).containsExactly("a", "b", "c");
            assertThat(selector.monitorOrder("c")).containsExactly("a", "b");
            assertThat(selector.vms()).containsExactly("web-1");
            assertThat(selector.pathOf("web-1")).isEqualTo(IoPath.via("a"));
        }

        private HostSpec hciHost(String name) {
            return new HostSpec(name, 8, Size.ofGiB(64), null, null, null, new StorageControllerSpec(name + ":6789"),
                    null, null);
        }
    }

    @Nested
    class Failover {
        @Test
        void after_the_threshold_of_misses_the_path_moves_to_the_next_nearest_monitor() {
            rig.hci("a", "b", "c").start();
            rig.at(2_500, () -> rig.monitors.down("a"));

            rig.advanceTo(5_499);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("a"));
            assertThat(selector.health("a", "a").consecutiveMisses()).isEqualTo(2);

            rig.advanceTo(5_500);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("b"));
            assertThat(selector.health("a", "a").down()).isTrue();
            assertThat(selector.path("b")).isEqualTo(IoPath.via("b"));
            assertThat(selector.path("c")).isEqualTo(IoPath.via("c"));
            PathChange failover = rig.changes(PathChangeReason.FAILOVER).get(0);
            assertThat(failover.oneLine()).isEqualTo(
                    "t=5500 a [] via a -> via b FAILOVER: a missed 3 probes since t=3000; I/O stalled 2500 ms");
        }

        @Test
        void the_stall_from_the_first_missed_probe_stays_within_the_bound() {
            rig.hci("a", "b").start();
            rig.at(2_001, () -> rig.monitors.down("a")); // just after the answer to the probe at 2000

            rig.advanceTo(20_000);

            HostPathCounters counters = selector.hostCounters("a");
            assertThat(counters.failovers()).isEqualTo(1);
            // first missed probe at 3000, third miss decided at 5000 + 500
            assertThat(counters.longestFailoverStallMillis()).isEqualTo(2_500)
                    .isEqualTo(SETTINGS.probePeriodMillis() * (SETTINGS.missThreshold() - 1)
                            + SETTINGS.probeTimeoutMillis())
                    .isLessThanOrEqualTo(selector.stallBoundMillis());
            // from the moment it really stopped (2001) to the failover (5500): still within period x misses + timeout
            assertThat(5_500 - 2_001).isLessThanOrEqualTo((int) selector.stallBoundMillis());
        }

        @Test
        void fewer_misses_than_the_threshold_change_nothing() {
            rig.hci("a", "b").start();
            rig.at(2_500, () -> rig.monitors.down("a"));
            rig.at(4_600, () -> rig.monitors.up("a"));

            rig.advanceTo(30_000);

            assertThat(selector.path("a")).isEqualTo(IoPath.via("a"));
            assertThat(rig.changes(PathChangeReason.FAILOVER)).isEmpty();
            assertThat(selector.health("a", "a").consecutiveMisses()).isZero();
        }

        @Test
        void the_target_skips_monitors_that_are_down_or_missed_their_latest_probe() {
            rig.hci("a", "b", "c", "d").start();
            rig.at(2_500, () -> {
                rig.monitors.down("a");
                rig.monitors.down("b");
            });
            rig.at(4_200, () -> rig.monitors.refuse("c"));

            rig.advanceTo(5_500);

            assertThat(selector.path("a")).isEqualTo(IoPath.via("d"));
            assertThat(selector.health("a", "c").consecutiveMisses()).isEqualTo(1);
        }

        @Test
        void monitors_failing_together_are_judged_together_so_the_path_moves_once() {
            rig.hci("a", "b", "c").start();
            rig.at(2_500, () -> {
                rig.monitors.down("a");
                rig.monitors.down("b");
            });

            rig.advanceTo(10_000);

            assertThat(rig.changes.stream().filter(c -> c.host().equals("a") && c.reason() != PathChangeReason.INITIAL))
                    .extracting(PathChange::to).containsExactly(IoPath.via("c"));
        }

        @Test
        void a_refused_probe_and_a_late_answer_are_misses() {
            rig.hci("a", "b", "c").start();
            rig.at(2_500, () -> rig.monitors.refuse("a"));
            rig.monitors.latency("b", "b", 600);

            rig.advanceTo(5_500);

            assertThat(selector.path("a")).isEqualTo(IoPath.via("b"));
            // b's own probes all answered after the 500 ms timeout: misses at 500, 1500, 2500
            assertThat(rig.changes(PathChangeReason.FAILOVER)).extracting(PathChange::host, PathChange::timeMillis)
                    .containsExactly(tuple("b", 2_500L), tuple("a", 5_500L), tuple("b", 5_500L));
        }

        @Test
        void each_host_judges_its_own_link_to_a_monitor() {
            rig.hci("a", "b").start();
            rig.monitors.cut("a", "a");

            rig.advanceTo(10_000);

            assertThat(selector.path("a")).isEqualTo(IoPath.via("b"));
            assertThat(selector.health("a", "a").down()).isTrue();
            assertThat(selector.health("b", "a").down()).isFalse();
        }
    }

    @Nested
    class Failback {
        @Test
        void the_path_returns_to_the_local_monitor_at_its_first_answer_after_the_failure() {
            rig.hci("a", "b").start();
            rig.at(2_500, () -> rig.monitors.down("a"));
            rig.at(10_200, () -> rig.monitors.up("a"));

            rig.advanceTo(11_004);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("b"));

            rig.advanceTo(11_005);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("a"));
            PathChange failback = rig.changes(PathChangeReason.FAILBACK).get(0);
            assertThat(failback.detail()).isEqualTo("a answers again");
            // S-06: a controller that recovers once is back within one probe period (plus the answer's latency)
            assertThat(failback.timeMillis() - 10_200).isLessThanOrEqualTo(
                    SETTINGS.probePeriodMillis() + FakeStorageMonitors.DEFAULT_LATENCY_MILLIS);
            assertThat(selector.health("a", "a").lastLatencyMillis())
                    .isEqualTo(FakeStorageMonitors.DEFAULT_LATENCY_MILLIS);
            assertThat(selector.hostCounters("a")).extracting(HostPathCounters::failovers, HostPathCounters::failbacks)
                    .containsExactly(1L, 1L);
        }

        @Test
        void a_failure_soon_after_the_failback_holds_the_next_one_for_the_first_hold() {
            rig.hci("a", "b").start();
            rig.at(2_500, () -> rig.monitors.down("a"));
            rig.at(10_200, () -> rig.monitors.up("a"));   // failback at 11 005
            rig.at(15_200, () -> rig.monitors.down("a")); // declared down at 18 500: 7.5 s after the failback
            rig.at(20_200, () -> rig.monitors.up("a"));   // answers from 21 005

            rig.advanceTo(18_500);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("b"));
            assertThat(selector.health("a", "a")).extracting(MonitorHealth::repeats, MonitorHealth::holdMillis)
                    .containsExactly(1, SETTINGS.firstHoldMillis());

            rig.advanceTo(25_004);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("b"));
            assertThat(selector.health("a", "a").ready()).isFalse();

            rig.advanceTo(25_005);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("a"));
            assertThat(rig.changes(PathChangeReason.FAILBACK).get(1).detail())
                    .isEqualTo("a answered every probe for 4000 ms, its hold after 1 repeat being 4000 ms");
        }

        @Test
        void one_miss_during_the_hold_starts_it_again() {
            rig.hci("a", "b").start();
            rig.at(2_500, () -> rig.monitors.down("a"));
            rig.at(10_200, () -> rig.monitors.up("a"));
            rig.at(15_200, () -> rig.monitors.down("a"));
            rig.at(20_200, () -> rig.monitors.up("a"));
            rig.at(22_200, () -> rig.monitors.down("a")); // misses the probe at 23 000 only
            rig.at(23_200, () -> rig.monitors.up("a"));   // answers from 24 005: the 4 s hold starts again

            rig.advanceTo(28_004);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("b"));

            rig.advanceTo(28_005);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("a"));
        }

        @Test
        void each_further_repeat_doubles_the_hold_up_to_its_bound() {
            rig.hci("a", "b").start();
            // down 3.1 s (declared down), up 2.1 s (two answers): never long enough for a hold, until 62.5 s
            for (long t = 2_500; t < 62_500; t += 5_200) {
                long down = t;
                rig.at(down, () -> rig.monitors.down("a"));
                rig.at(down + 3_100, () -> rig.monitors.up("a"));
            }
            List<Long> holds = new java.util.ArrayList<>();
            rig.scheduler.afterEachAction(() -> {
                MonitorHealth h = selector.health("a", "a");
                if (h.down() && (holds.isEmpty() || holds.get(holds.size() - 1) != h.holdMillis())) {
                    holds.add(h.holdMillis());
                }
            });

            rig.advanceTo(62_500);
            // the first failure is no repeat (the path never returned to a before), so it fails back at once;
            // every failure after that is, and the hold doubles: 4 s, 8 s, 16 s, and stays at the 16 s bound
            assertThat(holds).containsExactly(0L, 4_000L, 8_000L, 16_000L);
            assertThat(rig.changes(PathChangeReason.FAILOVER)).hasSize(2);
            assertThat(rig.changes(PathChangeReason.FAILBACK)).hasSize(1);

            rig.advanceTo(100_000);
            List<PathChange> failbacks = rig.changes(PathChangeReason.FAILBACK);
            assertThat(failbacks).hasSize(2);
            // up for good at 62 800, answering from 63 005: back after the bounded hold
            assertThat(failbacks.get(1).timeMillis()).isEqualTo(63_005 + SETTINGS.maxHoldMillis());
            assertThat(selector.path("a")).isEqualTo(IoPath.via("a"));
        }

        @Test
        void the_penalty_decays_by_one_repeat_per_healthy_damping_window() {
            rig.hci("a", "b").start();
            rig.at(2_500, () -> rig.monitors.down("a"));
            rig.at(10_200, () -> rig.monitors.up("a"));   // failback at 11 005
            rig.at(15_200, () -> rig.monitors.down("a")); // repeat 1 at 18 500
            rig.at(20_200, () -> rig.monitors.up("a"));   // failback at 25 005 after the 4 s hold
            rig.at(27_200, () -> rig.monitors.down("a")); // repeat 2 at 30 500: hold 8 s
            rig.at(31_200, () -> rig.monitors.up("a"));   // answering from 32 005, failback at 40 005

            rig.advanceTo(40_005);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("a"));
            assertThat(selector.health("a", "a").repeats()).isEqualTo(2);

            rig.advanceTo(60_004);
            assertThat(selector.health("a", "a").repeats()).isEqualTo(2);
            rig.advanceTo(60_005); // a whole window of answers after serving the hold
            assertThat(selector.health("a", "a").repeats()).isEqualTo(1);
            rig.advanceTo(80_005);
            assertThat(selector.health("a", "a").repeats()).isZero();

            // healthy again: its next failure, long after its failback, fails back at the first answer
            rig.at(90_200, () -> rig.monitors.down("a"));
            rig.at(96_200, () -> rig.monitors.up("a"));
            rig.advanceTo(97_005);
            assertThat(selector.path("a")).isEqualTo(IoPath.via("a"));
            assertThat(rig.changes(PathChangeReason.FAILBACK)).last().extracting(PathChange::timeMillis)
                    .isEqualTo(97_005L);
        }

        @Test
        void a_controller_failing_rarely_is_never_damped() {
            rig.hci("a", "b").start();
            // down 3.1 s, up 25 s: each failure comes more than the damping window after the failback before it
            for (long t = 2_500; t < 140_000; t += 28_100) {
                long down = t;
                rig.at(down, () -> rig.monitors.down("a"));
                rig.at(down + 3_100, () -> rig.monitors.up("a"));
            }

            rig.advanceTo(140_000);

            List<PathChange> failovers = rig.changes(PathChangeReason.FAILOVER);
            List<PathChange> failbacks = rig.changes(PathChangeReason.FAILBACK);
            assertThat(failovers).hasSize(5);
            assertThat(failbacks).hasSize(5);
            for (int i = 0; i < failbacks.size(); i++) {
                long up = 2_500 + i * 28_100L + 3_100;
                assertThat(failbacks.get(i).timeMillis() - up).as("failback %d after the controller came back", i)
                        .isLessThanOrEqualTo(SETTINGS.probePeriodMillis() + FakeStorageMonitors.DEFAULT_LATENCY_MILLIS);
            }
            assertThat(selector.health("a", "a").repeats()).isZero();
        }
    }

    @Nested
    class StallAndWrites {
        @Test
        void a_write_is_acknowledged_when_its_monitor_next_answers() {
            rig.hci("a", "b").start();
            selector.attachVm("web-1", "a");
            rig.at(1_500, () -> selector.issueWrite("web-1"));

            rig.advanceTo(2_004);
            assertThat(selector.counters("web-1").writesPending()).isEqualTo(1);

            rig.advanceTo(2_005);
            IoCounters c = selector.counters("web-1");
            assertThat(c.writesAcknowledged()).isEqualTo(1);
            assertThat(c.writesPending()).isZero();
            assertThat(c.stalledMillis()).isZero();
        }

        @Test
        void writes_in_flight_to_a_monitor_that_died_are_replayed_through_the_failover_target() {
            rig.hci("a", "b").start();
            selector.attachVm("web-1", "a");
            rig.at(2_500, () -> rig.monitors.down("a"));
            rig.at(2_600, () -> selector.issueWrite("web-1"));
            rig.at(4_000, () -> selector.issueWrite("web-1"));

            rig.advanceTo(6_004);
            assertThat(selector.counters("web-1").writesAcknowledged()).isZero();

            rig.advanceTo(6_005);
            IoCounters c = selector.counters("web-1");
            assertThat(c.writesAcknowledged()).isEqualTo(2);
            assertThat(c.writesReplayed()).isEqualTo(2);
            assertThat(c.writesLost()).isZero();
            assertThat(c.failovers()).isEqualTo(1);
            assertThat(c.stalledMillis()).isEqualTo(2_500);
        }

        @Test
        void with_no_monitor_io_is_held_and_resumes_as_soon_as_one_answers_losing_nothing() {
            rig.hci("a", "b").start();
            selector.attachVm("web-1", "a");
            rig.at(2_500, () -> {
                rig.monitors.down("a");
                rig.monitors.down("b");
            });
            rig.at(2_600, () -> selector.issueWrite("web-1"));
            rig.at(6_000, () -> selector.issueWrite("web-1"));
            rig.at(7_000, () -> selector.issueWrite("web-1"));
            rig.at(9_300, () -> rig.monitors.up("b"));

            rig.advanceTo(5_500);
            assertThat(selector.pathOf("web-1")).isEqualTo(IoPath.NONE);
            assertThat(rig.changes(PathChangeReason.STALL)).extracting(PathChange::host, PathChange::vms)
                    .containsExactly(tuple("a", List.of("web-1")), tuple("b", List.of()));

            rig.advanceTo(10_004);
            assertThat(selector.pathOf("web-1")).isEqualTo(IoPath.NONE);
            assertThat(selector.counters("web-1").writesPending()).isEqualTo(3);
            assertThat(selector.counters("web-1").stalledMillis()).isEqualTo(10_004 - 3_000);

            rig.advanceTo(10_005);
            assertThat(selector.pathOf("web-1")).isEqualTo(IoPath.via("b"));
            assertThat(rig.changes(PathChangeReason.RESUME)).filteredOn(c -> c.host().equals("a")).singleElement()
                    .satisfies(c -> assertThat(c.detail()).isEqualTo("b answers; held I/O resumes after 7005 ms"));

            rig.advanceTo(11_005);
            IoCounters c = selector.counters("web-1");
            assertThat(c.writesIssued()).isEqualTo(3);
            assertThat(c.writesAcknowledged()).isEqualTo(3);
            assertThat(c.writesLost()).isZero();
            assertThat(c.writesReplayed()).isEqualTo(1);
            assertThat(c.stalledMillis()).isEqualTo(7_005);
            assertThat(c.stalls()).isEqualTo(1);
            assertThat(selector.hostCounters("a")).extracting(HostPathCounters::stalls, HostPathCounters::resumes,
                    HostPathCounters::failovers).containsExactly(1L, 1L, 0L);
        }

        @Test
        void a_migrating_vm_takes_the_new_hosts_path_and_its_pending_writes_with_it() {
            rig.hci("a", "b").start();
            selector.attachVm("web-1", "a");
            rig.at(1_500, () -> selector.issueWrite("web-1"));
            rig.at(1_600, () -> selector.attachVm("web-1", "b"));

            rig.advanceTo(1_600);
            assertThat(selector.pathOf("web-1")).isEqualTo(IoPath.via("b"));
            PathChange migrated = rig.changes(PathChangeReason.VM_ATTACHED).get(1);
            assertThat(migrated.oneLine()).isEqualTo("t=1600 b [web-1] via a -> via b VM_ATTACHED: VM migrated here");

            rig.advanceTo(2_005);
            assertThat(selector.counters("web-1")).extracting(IoCounters::host, IoCounters::writesAcknowledged,
                    IoCounters::writesReplayed).containsExactly("b", 1L, 1L);
        }

        @Test
        void a_detached_vm_keeps_its_pending_writes_and_cannot_write() {
            rig.hci("a").start();
            selector.attachVm("web-1", "a");
            selector.issueWrite("web-1");
            selector.detachVm("web-1");

            rig.advanceTo(5_000);

            assertThat(selector.counters("web-1")).extracting(IoCounters::host, IoCounters::writesPending,
                    IoCounters::writesLost).containsExactly(null, 1L, 0L);
            assertThatThrownBy(() -> selector.issueWrite("web-1")).hasMessageContaining("is not attached");
        }
    }

    @Test
    void the_loop_stops_probing_when_stopped() {
        rig.hci("a", "b").start();
        rig.advanceTo(2_200);
        long probes = rig.monitors.probes();

        rig.loop.stop();
        rig.advanceTo(10_000);

        assertThat(rig.monitors.probes()).isEqualTo(probes);
        assertThat(rig.loop.running()).isFalse();
        assertThat(rig.scheduler.pendingActions()).isZero();
    }

    @Test
    void unknown_hosts_and_vms_are_named_in_the_error() {
        rig.hci("a");
        assertThatThrownBy(() -> selector.path("x")).hasMessage(
                "host x is not registered with the monitor path selector");
        assertThatThrownBy(() -> selector.counters("vm-9")).hasMessage("VM vm-9 was never attached to a host");
        assertThatThrownBy(() -> selector.addMonitor("a")).hasMessage("monitor on a is already registered");
        rig.loop.start();
        assertThatThrownBy(rig.loop::start).hasMessage("the monitor probe loop is already running");
    }

    @Test
    void the_same_scenario_gives_the_same_trace() {
        assertThat(flappingTrace()).isEqualTo(flappingTrace()).isNotEmpty();
    }

    private static List<String> flappingTrace() {
        MonitorPathRig r = new MonitorPathRig(SETTINGS, Proximity.UNIFORM).hci("a", "b", "c").start();
        r.selector.attachVm("web-1", "a");
        for (long t = 1_000; t < 40_000; t += 1_700) {
            long at = t;
            String monitor = at % 3 == 0 ? "a" : "b";
            r.at(at, () -> r.monitors.down(monitor));
            r.at(at + 3_000, () -> r.monitors.up(monitor));
            r.at(at + 10, () -> r.selector.issueWrite("web-1"));
        }
        r.advanceTo(60_000);
        return r.trace();
    }
}
