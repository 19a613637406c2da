package io.cellharness.sim.world;

import io.cellharness.core.capacity.CapacityCheck;
import io.cellharness.core.capacity.HostLoad;
import io.cellharness.core.capacity.PlacementDecision;
import io.cellharness.core.cpu.BaselineResult;
import io.cellharness.core.cpu.CpuBaseline;
import io.cellharness.core.cpu.CpuCompatibility;
import io.cellharness.core.migration.MigrationOptions;
import io.cellharness.core.migration.MigrationPrediction;
import io.cellharness.core.migration.PreCopyModel;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.CpuComparison;
import io.cellharness.core.port.DomainInfo;
import io.cellharness.core.port.HostCapabilities;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.LifecycleEvent;
import io.cellharness.core.port.MigrationRequest;
import io.cellharness.core.port.MigrationResult;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.Scheduler.Cancellable;
import io.cellharness.core.port.Subscription;
import io.cellharness.sim.Simulation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A libvirt connection from a process on one node to one host's simulated libvirtd: local on the host itself,
 * {@code qemu+tcp} over the management network otherwise. A call takes a drawn time on the daemon; a call to a hung
 * daemon, or whose request or reply the network loses, completes {@link OpResult.Unknown} when the client's
 * keepalive timeout expires (the call may still have taken effect).
 */
public final class SimHypervisor implements Hypervisor {

    private final SimCluster cluster;
    private final ProcessScope caller;
    private final SimHost host;
    private final boolean local;

    SimHypervisor(SimCluster cluster, ProcessScope caller, SimHost host) {
        this.cluster = cluster;
        this.caller = caller;
        this.host = host;
        this.local = caller.node().equals(host.name());
    }

    @Override
    public String host() {
        return host.name();
    }

    private Simulation sim() {
        return cluster.sim();
    }

    /** One call: there and back over the network (unless local), {@code work} on the daemon after {@code daemonMillis}. */
    private <T> CompletionStage<OpResult<T>> call(String what, long daemonMillis, Supplier<OpResult<T>> work) {
        long timeoutMillis = cluster.settings().libvirtTimeoutMillis();
        PendingReply<T> pending = new PendingReply<>(sim(), caller, timeoutMillis, "libvirt timeout " + what,
                "libvirt on " + host.name() + " did not answer " + what + " within " + timeoutMillis + " ms");
        Runnable atDaemon = () -> {
            if (!host.libvirtAnswers()) {
                return;
            }
            long boot = host.boots();
            sim().after(daemonMillis, "libvirt " + what, () -> {
                if (!host.libvirtAnswers() || host.boots() != boot) {
                    return;
                }
                OpResult<T> result = work.get();
                if (local) {
                    pending.reply(result);
                } else {
                    cluster.network().send(Net.MGMT, host.name(), caller.node(), "libvirt reply " + what,
                            () -> pending.reply(result));
                }
            });
        };
        if (local) {
            atDaemon.run();
        } else {
            cluster.network().send(Net.MGMT, caller.node(), host.name(), "libvirt call " + what, atDaemon);
        }
        return pending.stage();
    }

    private long callMillis() {
        SimSettings s = cluster.settings();
        return s.libvirtCallMillis() + cluster.draw("libvirt", s.libvirtCallJitterMillis());
    }

    @Override
    public CompletionStage<OpResult<Void>> ping() {
        return call("ping", 0, OpResult::ok);
    }

    @Override
    public CompletionStage<OpResult<Void>> define(VmSpec vm) {
        return call("define " + vm.name(), callMillis(), () -> host.define(vm));
    }

    @Override
    public CompletionStage<OpResult<Void>> undefine(String vm) {
        return call("undefine " + vm, callMillis(), () -> host.undefine(vm));
    }

    @Override
    public CompletionStage<OpResult<Void>> start(String vm) {
        SimSettings s = cluster.settings();
        long millis = s.domainStartMillis() + cluster.draw("domain-start", s.domainStartJitterMillis());
        return call("start " + vm, millis, () -> host.start(vm));
    }

    @Override
    public CompletionStage<OpResult<Void>> shutdown(String vm) {
        return call("shutdown " + vm, callMillis(), () -> host.shutdown(vm));
    }

    @Override
    public CompletionStage<OpResult<Void>> destroy(String vm) {
        return call("destroy " + vm, callMillis(), () -> host.destroy(vm));
    }

    @Override
    public CompletionStage<OpResult<Void>> suspend(String vm) {
        return call("suspend " + vm, callMillis(), () -> host.suspend(vm));
    }

    @Override
    public CompletionStage<OpResult<Void>> resume(String vm) {
        return call("resume " + vm, callMillis(), () -> host.resume(vm));
    }

    @Override
    public CompletionStage<OpResult<List<DomainInfo>>> list() {
        return call("list", callMillis(), () -> OpResult.ok(host.list()));
    }

    @Override
    public CompletionStage<OpResult<DomainInfo>> domain(String vm) {
        return call("domain " + vm, callMillis(), () -> {
            SimDomain d = host.domain(vm);
            return d == null ? OpResult.failed("no domain '" + vm + "'")
                    : OpResult.ok(new DomainInfo(d.name(), d.state(), d.reason()));
        });
    }

    @Override
    public CompletionStage<OpResult<HostCapabilities>> capabilities() {
        return call("capabilities", callMillis(), () -> OpResult.ok(new HostCapabilities(host.name(),
                cluster.cpuOf(host.name()), host.spec().cores(), host.spec().memory().bytes())));
    }

    @Override
    public CompletionStage<OpResult<CpuComparison>> compareCpu(CpuSpec cpu) {
        return call("compare-cpu", callMillis(),
                () -> OpResult.ok(CpuCompatibility.compare(cluster.cpuOf(host.name()), cpu)));
    }

    @Override
    public CompletionStage<OpResult<CpuSpec>> baselineCpu(List<CpuSpec> cpus) {
        return call("baseline-cpu", callMillis(), () -> {
            BaselineResult r = CpuBaseline.of(cpus);
            if (r instanceof BaselineResult.Found found) {
                return OpResult.ok(found.cpu());
            }
            return OpResult.failed(((BaselineResult.Impossible) r).reason());
        });
    }

    /**
     * G-01 … G-05: the source's libvirtd copies memory (and disk, when not shared) to the target for the time the
     * pre-copy model predicts, then moves the VM in one step. A source that fails meanwhile loses the VM (HA restarts
     * it); a target that fails or becomes unreachable aborts the migration and the VM keeps running on the source.
     */
    @Override
    public CompletionStage<OpResult<MigrationResult>> migrate(MigrationRequest request) {
        CompletableFuture<OpResult<MigrationResult>> future = new CompletableFuture<>();
        call("migrate " + request.vm(), callMillis(), () -> startMigration(request, future))
                .thenAccept(started -> {
                    if (!started.isOk()) {
                        future.complete(started.map(x -> null));
                    }
                });
        return future;
    }

    private OpResult<Void> startMigration(MigrationRequest request, CompletableFuture<OpResult<MigrationResult>> future) {
        String vm = request.vm();
        SimDomain d = host.domain(vm);
        if (d == null || !d.active()) {
            return OpResult.failed("domain '" + vm + "' is not running on " + host.name());
        }
        if (d.migratingTo() != null) {
            // As libvirt: a domain runs one job at a time; a second migration is refused while the first copies.
            return OpResult.failed("domain '" + vm + "' has an active job: it is being migrated to " + d.migratingTo());
        }
        SimHost target = cluster.host(request.targetHost());
        if (target == null) {
            return OpResult.failed("no host named " + request.targetHost());
        }
        if (target == host) {
            return OpResult.failed("the target is the source");
        }
        if (!cluster.network().reachable(Net.MGMT, host.name(), target.name()) || !target.libvirtAnswers()) {
            return OpResult.failed("cannot reach libvirt on " + target.name() + " at port " + request.port());
        }
        HostLoad load = HostLoad.EMPTY;
        for (SimDomain other : target.domains()) {
            if (other.active()) {
                load = load.plus(other.spec());
            }
        }
        PlacementDecision fit = CapacityCheck.check(target.spec(), load, d.spec(), cluster.spec().settings().overcommit());
        if (fit instanceof PlacementDecision.Refused refused) {
            return OpResult.failed(refused.message());
        }
        MigrationOptions options = MigrationOptions.defaults()
                .withDirtyRate(cluster.dirtyRateOf(vm))
                .withMaxDowntime(request.maxDowntimeMillis())
                .withAutoConverge(request.autoConverge())
                .withBandwidth(cluster.managementGbps(host.name(), target.name()));
        long diskBytes = request.copyStorage() ? d.spec().localDiskBytes() : 0;
        MigrationPrediction p = PreCopyModel.predict(d.spec().memory().bytes(), diskBytes,
                options.bandwidthGbps().getAsDouble(), options);
        cluster.trace(host.name(), "migrate-start", vm + " to " + target.name() + " port " + request.port()
                + " predicted " + p.durationMillis() + " ms " + p.outcome().name().toLowerCase(java.util.Locale.ROOT));
        cluster.migrationStarted(vm, host.name(), target.name());
        d.setMigratingTo(target.name());
        long sourceBoot = host.boots();
        long targetBoot = target.boots();
        long replyDeadline = p.durationMillis() + cluster.settings().libvirtTimeoutMillis();
        sim().after(replyDeadline, "migration reply timeout " + vm, () -> deliverNow(future,
                OpResult.unknown("no answer about the migration of " + vm + " within " + replyDeadline + " ms")));
        sim().after(p.durationMillis(), "migration " + vm, () -> {
            d.setMigratingTo(null);
            String failure = null;
            if (!host.up() || host.boots() != sourceBoot || host.domain(vm) != d || !d.active()) {
                failure = "the source " + host.name() + " failed during the migration";
            } else if (!target.up() || target.boots() != targetBoot) {
                failure = "the target " + target.name() + " failed during the migration";
            } else if (!cluster.network().reachable(Net.MGMT, host.name(), target.name())) {
                failure = "the management network between " + host.name() + " and " + target.name() + " failed";
            } else if (!p.completes()) {
                failure = "it did not converge after " + p.iterations() + " passes (dirty rate above bandwidth)";
            }
            if (failure != null) {
                cluster.trace(host.name(), "migrate-failed", vm + " " + failure);
                cluster.migrationEnded(vm, host.name(), target.name(), false);
                deliverMigration(future, OpResult.failed("migration of " + vm + " failed: " + failure));
                return;
            }
            host.migratedAway(vm);
            target.migratedIn(d.spec());
            cluster.trace(host.name(), "migrate-done", vm + " to " + target.name() + " downtime " + p.downtimeMillis() + " ms");
            cluster.migrationEnded(vm, host.name(), target.name(), true);
            deliverMigration(future, OpResult.ok(new MigrationResult(p.durationMillis(), p.downtimeMillis(), p.iterations())));
        });
        return OpResult.ok();
    }

    private void deliverMigration(CompletableFuture<OpResult<MigrationResult>> future, OpResult<MigrationResult> result) {
        if (local) {
            deliverNow(future, result);
        } else {
            cluster.network().send(Net.MGMT, host.name(), caller.node(), "migration reply", () -> deliverNow(future, result));
        }
    }

    private void deliverNow(CompletableFuture<OpResult<MigrationResult>> future, OpResult<MigrationResult> result) {
        if (!future.isDone()) {
            caller.complete(future, result);
        }
    }

    @Override
    public Subscription onLifecycleEvent(Consumer<LifecycleEvent> listener) {
        Consumer<LifecycleEvent> relay = event -> {
            if (!caller.alive()) {
                return;
            }
            if (local) {
                listener.accept(event);
            } else {
                cluster.network().send(Net.MGMT, host.name(), caller.node(), "lifecycle event", () -> {
                    if (caller.alive()) {
                        listener.accept(event);
                    }
                });
            }
        };
        host.addListener(relay);
        return () -> host.removeListener(relay);
    }
}
