package io.cellharness.sim.ha;

import io.cellharness.core.model.VmSpec;
import io.cellharness.sim.world.SimCluster;
import io.cellharness.sim.world.SimHost;
import io.cellharness.sim.world.VmLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * H-08: measures recovery time: from the moment a host goes down with HA VMs on it until every one of them runs
 * again somewhere, in virtual milliseconds.
 */
public final class RecoveryClock implements VmLedger.Listener {

    /** One host failure and how long its HA VMs took to run again (-1 while not yet recovered). */
    public record Recovery(String host, long downAtMillis, int vms, long recoveredAfterMillis) {
    }

    private final SimCluster cluster;
    private final TreeMap<String, Boolean> ha = new TreeMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final List<Recovery> done = new ArrayList<>();

    private static final class Pending {
        final String host;
        final long downAt;
        final int vms;
        final TreeSet<String> waiting;

        Pending(String host, long downAt, TreeSet<String> waiting) {
            this.host = host;
            this.downAt = downAt;
            this.vms = waiting.size();
            this.waiting = waiting;
        }
    }

    RecoveryClock(SimCluster cluster) {
        this.cluster = cluster;
        for (VmSpec vm : cluster.spec().vms()) {
            ha.put(vm.name(), vm.ha().enabled());
        }
        cluster.ledger().addListener(this);
        cluster.onHostDown(this::hostDown);
    }

    private void hostDown(SimHost host, List<String> lostVms) {
        TreeSet<String> lost = new TreeSet<>();
        for (String vm : lostVms) {
            if (ha.getOrDefault(vm, false) && cluster.ledger().copies(vm) == 0) {
                lost.add(vm);
            }
        }
        if (!lost.isEmpty()) {
            pending.add(new Pending(host.name(), cluster.sim().nowMillis(), lost));
        }
    }

    @Override
    public void started(String host, String vm) {
        for (Pending p : List.copyOf(pending)) {
            if (p.waiting.remove(vm) && p.waiting.isEmpty()) {
                pending.remove(p);
                done.add(new Recovery(p.host, p.downAt, p.vms, cluster.sim().nowMillis() - p.downAt));
            }
        }
    }

    @Override
    public void stopped(String host, String vm, String why) {
    }

    /** Every completed recovery, in order. */
    public List<Recovery> recoveries() {
        return List.copyOf(done);
    }

    /** Host failures whose HA VMs do not all run again yet. */
    public List<Recovery> unfinished() {
        List<Recovery> out = new ArrayList<>();
        for (Pending p : pending) {
            out.add(new Recovery(p.host, p.downAt, p.vms, -1));
        }
        return out;
    }
}
