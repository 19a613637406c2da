package io.cellharness.sim.fault;

import io.cellharness.core.port.PowerState;
import io.cellharness.core.port.Scheduler;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The faults of a run, applied at their times and healed at their ends; at the end of the run everything still
 * broken is healed and every host that is off or crashed is powered on again (an operator repairs it), so liveness
 * is checked on a healthy cluster.
 */
public final class FaultSchedule {

    private final List<ScheduledFault> faults;
    private final List<ScheduledFault> active = new ArrayList<>();
    private final List<FlapTimer> flapTimers = new ArrayList<>();

    private record FlapTimer(ScheduledFault fault, Scheduler.Cancellable timer) {
    }

    public FaultSchedule(List<ScheduledFault> faults) {
        List<ScheduledFault> sorted = new ArrayList<>(faults);
        sorted.sort(Comparator.comparingLong(ScheduledFault::atMillis));
        this.faults = List.copyOf(sorted);
    }

    public List<ScheduledFault> faults() {
        return faults;
    }


    /** Schedules every fault on the cluster's simulation. */
    public void install(SimCluster cluster) {
        for (ScheduledFault f : faults) {
            cluster.sim().at(f.atMillis(), "fault " + f.fault().kind(), () -> start(cluster, f));
        }
    }

    private void start(SimCluster cluster, ScheduledFault f) {
        cluster.trace("fault", "start", f.fault().kind() + " " + f.fault().target()
                + (f.ends() ? " for " + f.durationMillis() + " ms" : ""));
        f.fault().apply(cluster);
        cluster.topologyChanged();
        if (!f.fault().hasEnd()) {
            return;
        }
        active.add(f);
        if (f.fault() instanceof Fault.MonitorFlapping flapping) {
            long half = Math.max(1, flapping.periodMillis() / 2);
            boolean[] up = {false};
            var timer = cluster.sim().periodic(half, half, "flap " + flapping.host(), () -> {
                up[0] = !up[0];
                flapping.toggle(cluster, up[0]);
                cluster.topologyChanged();
            });
            flapTimers.add(new FlapTimer(f, timer));
        }
        if (f.ends()) {
            cluster.sim().at(f.endMillis(), "fault end " + f.fault().kind(), () -> end(cluster, f));
        }
    }

    private void end(SimCluster cluster, ScheduledFault f) {
        flapTimers.removeIf(t -> {
            if (t.fault() == f) {
                t.timer().cancel();
                return true;
            }
            return false;
        });
        if (active.remove(f)) {
            cluster.trace("fault", "end", f.fault().kind() + " " + f.fault().target());
            f.fault().heal(cluster);
            cluster.topologyChanged();
        }
    }

    /** Heals every fault still active and powers on every host that is off or crashed. */
    public void healAll(SimCluster cluster) {
        for (ScheduledFault f : List.copyOf(active)) {
            end(cluster, f);
        }
        for (SimHost host : cluster.hosts()) {
            if (host.power() == PowerState.OFF) {
                host.powerOn("repaired after the run");
            } else if (host.os() == SimHost.Os.CRASHED) {
                host.reset("repaired after the run");
            }
        }
        cluster.trace("fault", "healed-all", "");
    }

    /** The faults in force now. */
    public List<ScheduledFault> active() {
        return List.copyOf(active);
    }
}
