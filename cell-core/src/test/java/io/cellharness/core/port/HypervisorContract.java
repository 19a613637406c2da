package io.cellharness.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Hypervisor} must do, written once and run against each world by a subclass (libvirt's test
 * driver, real libvirt daemons, the simulator), as Netty's testsuite runs one body against every transport.
 *
 * <p>A world says how to wait ({@link #await}, {@link #awaitUntil}: the simulator runs virtual time, a real daemon is
 * waited on with a bound) and what "on the engine" means ({@link #onEngine}, {@link #whileEngineBusy}: the engine's
 * single thread, or the simulator's event loop). Shared with the backends through cell-core's test-jar.
 */
public abstract class HypervisorContract {

    private static final AtomicInteger VM_NUMBER = new AtomicInteger();

    /** The hypervisor under test; its completions and events must be delivered on the engine. */
    protected abstract Hypervisor hypervisor();

    /** Waits until {@code operation} completes, the way this world makes progress, and returns its result. */
    protected abstract <T> OpResult<T> await(CompletionStage<OpResult<T>> operation);

    /**
     * Lets this world make progress until {@code condition} holds; fails (naming {@code state}) if it does not within
     * the world's bound.
     */
    protected abstract void awaitUntil(BooleanSupplier condition, Supplier<String> state);

    /** Whether the calling code runs on the engine: its single thread, or inside the simulator's event loop. */
    protected abstract boolean onEngine();

    /**
     * Runs {@code action} while the engine can do nothing else, so that whatever {@code action} attaches to a
     * completion is attached before the completion can run.
     */
    protected abstract <T> T whileEngineBusy(Supplier<T> action);

    /** A VM this world can define and run (the real daemons run QEMU under TCG: keep it small). */
    protected VmSpec startableVm(String name) {
        return VmSpec.of(name, Size.ofMiB(64), 1);
    }

    protected static String newVmName(String what) {
        return "contract-" + what + "-" + VM_NUMBER.incrementAndGet();
    }

    /** The value of an operation that must succeed. */
    protected <T> T ok(CompletionStage<OpResult<T>> stage) {
        OpResult<T> r = await(stage);
        assertThat(r).as("result").isInstanceOf(OpResult.Ok.class);
        return r.value();
    }

    @Test
    public void pingAnswersOk() {
        assertThat(await(hypervisor().ping())).isEqualTo(OpResult.ok());
    }

    @Test
    public void completionsArriveOnTheEngine() {
        // The engine is busy, so the completion cannot have run yet: what is attached now runs where it completes.
        CompletionStage<OpResult<Boolean>> onEngine = whileEngineBusy(
                () -> hypervisor().ping().thenApply(r -> OpResult.ok(onEngine())));
        assertThat(ok(onEngine)).isTrue();
    }

    @Test
    public void aDefinedVmIsListedShutOff() {
        String name = newVmName("define");
        ok(hypervisor().define(startableVm(name)));

        List<DomainInfo> all = ok(hypervisor().list());
        assertThat(all).extracting(DomainInfo::name).contains(name).isSorted();
        assertThat(ok(hypervisor().domain(name)).state()).isEqualTo(DomainState.SHUTOFF);
        ok(hypervisor().undefine(name));
        assertThat(ok(hypervisor().list())).extracting(DomainInfo::name).doesNotContain(name);
    }

    @Test
    public void aVmWalksThroughItsStates() {
        String name = newVmName("states");
        ok(hypervisor().define(startableVm(name)));

        ok(hypervisor().start(name));
        assertThat(ok(hypervisor().domain(name))).isEqualTo(new DomainInfo(name, DomainState.RUNNING, "booted"));
        ok(hypervisor().suspend(name));
        assertThat(ok(hypervisor().domain(name))).isEqualTo(new DomainInfo(name, DomainState.PAUSED, "user"));
        ok(hypervisor().resume(name));
        assertThat(ok(hypervisor().domain(name))).isEqualTo(new DomainInfo(name, DomainState.RUNNING, "unpaused"));
        ok(hypervisor().destroy(name));
        assertThat(ok(hypervisor().domain(name))).isEqualTo(new DomainInfo(name, DomainState.SHUTOFF, "destroyed"));
        ok(hypervisor().undefine(name));

        OpResult<DomainInfo> gone = await(hypervisor().domain(name));
        assertThat(gone).isInstanceOf(OpResult.Failed.class);
        assertThat(gone.reason()).contains(name);
    }

    @Test
    public void lifecycleEventsArriveInOrderOnTheEngine() {
        String name = newVmName("events");
        List<LifecycleEvent> events = new CopyOnWriteArrayList<>();
        List<Boolean> onEngine = new CopyOnWriteArrayList<>();
        Subscription s = hypervisor().onLifecycleEvent(e -> {
            if (e.vm().equals(name)) {
                onEngine.add(onEngine());
                events.add(e);
            }
        });
        try {
            ok(hypervisor().define(startableVm(name)));
            ok(hypervisor().start(name));
            ok(hypervisor().suspend(name));
            ok(hypervisor().resume(name));
            ok(hypervisor().destroy(name));
            ok(hypervisor().undefine(name));

            awaitUntil(() -> events.stream().anyMatch(e -> e.type() == LifecycleEventType.UNDEFINED),
                    () -> "events so far: " + events);
            // A real QEMU driver adds events of its own (resumed when the CPUs first run, shutdown before stopped);
            // what every world must report is this sequence, in this order.
            assertThat(events).extracting(e -> e.type() + "/" + e.detail()).containsSubsequence("DEFINED/added",
                    "STARTED/booted", "SUSPENDED/paused", "RESUMED/unpaused", "STOPPED/destroyed", "UNDEFINED/removed");
            assertThat(events).extracting(LifecycleEvent::host).containsOnly(hypervisor().host());
            assertThat(onEngine).containsOnly(true);
        } finally {
            s.close();
        }
    }

    @Test
    public void aClosedSubscriptionHearsNothingMore() {
        String name = newVmName("unsubscribe");
        List<LifecycleEvent> closed = new CopyOnWriteArrayList<>();
        List<LifecycleEvent> open = new CopyOnWriteArrayList<>();
        Subscription first = hypervisor().onLifecycleEvent(e -> {
            if (e.vm().equals(name)) {
                closed.add(e);
            }
        });
        Subscription second = hypervisor().onLifecycleEvent(e -> {
            if (e.vm().equals(name)) {
                open.add(e);
            }
        });
        first.close();
        try {
            ok(hypervisor().define(startableVm(name)));
            // Both listeners are called in the same engine task, so once the open one has the event the closed
            // one would have had it too.
            awaitUntil(() -> !open.isEmpty(), () -> "no event for " + name);
            assertThat(closed).isEmpty();
        } finally {
            second.close();
            ok(hypervisor().undefine(name));
        }
    }

    @Test
    public void anUnknownVmFailsDefinitelyNamingIt() {
        OpResult<Void> r = await(hypervisor().start("no-such-vm"));

        assertThat(r).isInstanceOf(OpResult.Failed.class);
        assertThat(r.reason()).contains("no-such-vm");
    }

    @Test
    public void documentedLimitsAreRefusedNamingTheRule() { // L-01 … L-04 [libvirt]
        String name = newVmName("limits");
        VmSpec base = startableVm(name);
        List<VmSpec> beyond = new ArrayList<>();
        beyond.add(VmSpec.of(name, Size.ofTiB(17), 1));
        beyond.add(VmSpec.of(name, Size.ofMiB(64), 711));
        beyond.add(base.withNics(Collections.nCopies(9, new VmNicSpec(null, null, 101, null))));
        beyond.add(base.withDisks(Collections.nCopies(5, new DiskSpec(DiskBus.IDE, StorageType.LOCAL, "/dev/vg/x",
                Size.ofGiB(1)))));
        beyond.add(base.withDisks(Collections.nCopies(21, new DiskSpec(DiskBus.VIRTIO_BLK, StorageType.LOCAL,
                "/dev/vg/x", Size.ofGiB(1)))));

        assertThat(beyond).extracting(vm -> await(hypervisor().define(vm)))
                .allSatisfy(r -> assertThat(r).isInstanceOf(OpResult.Failed.class))
                .extracting(OpResult::reason)
                .satisfiesExactly(
                        r -> assertThat(r).contains("L-01 vm.memory = 17TiB (limit 16TiB)"),
                        r -> assertThat(r).contains("L-02 vm.vcpus = 711 (limit 710)"),
                        r -> assertThat(r).contains("L-03 vm.nics = 9 (limit 8)"),
                        r -> assertThat(r).contains("L-04 vm.disks = 5 IDE (limit 4)"),
                        r -> assertThat(r).contains("L-04 vm.disks = 21 virtio (limit 20)"));
        assertThat(ok(hypervisor().list())).extracting(DomainInfo::name).doesNotContain(name);
    }

    @Test
    public void capabilitiesDescribeTheHost() {
        HostCapabilities caps = ok(hypervisor().capabilities());

        assertThat(caps.host()).isEqualTo(hypervisor().host());
        assertThat(caps.cores()).isPositive();
        assertThat(caps.memoryBytes()).isPositive();
        assertThat(caps.cpu()).isNotNull();
    }
}
