package io.cellharness.libvirt;

import static io.cellharness.libvirt.Completions.await;
import static io.cellharness.libvirt.Completions.awaitUntil;
import static io.cellharness.libvirt.Completions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.DomainInfo;
import io.cellharness.core.port.DomainState;
import io.cellharness.core.port.LifecycleEvent;
import io.cellharness.core.port.LifecycleEventType;
import io.cellharness.core.port.MigrationRequest;
import io.cellharness.core.port.MigrationResult;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.Subscription;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.xml.RenderContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real live migration (G-01, G-02) of a small diskless guest between two libvirt daemons on this machine:
 * peer-to-peer, {@code LIVE | PERSIST_DEST | UNDEFINE_SOURCE | AUTO_CONVERGE}, memory stream to
 * {@code tcp://127.0.0.1:49152}.
 *
 * <p>Both daemons share this machine's network, but only the target's QEMU listens during a migration, so both
 * directions use G-02's port {@link Limits#MIGRATION_PORT}; the port is a parameter of the request only so that
 * concurrent migrations into one machine could be told apart.
 */
@ExtendWith(LibvirtDaemons.class)
class LiveMigrationTest {

    private static ThreadPoolExecutor callsA;
    private static ThreadPoolExecutor callsB;
    private static LibvirtHypervisor nodeA;
    private static LibvirtHypervisor nodeB;

    @BeforeAll
    static void open(LibvirtDaemons daemons) {
        MigrationPeers peers = host -> switch (host) {
            case "node-a" -> Optional.of(new MigrationPeer(daemons.first().uri(), "127.0.0.1"));
            case "node-b" -> Optional.of(new MigrationPeer(daemons.second().uri(), "127.0.0.1"));
            default -> Optional.empty();
        };
        callsA = LibvirtCallExecutors.bounded("node-a");
        callsB = LibvirtCallExecutors.bounded("node-b");
        nodeA = new LibvirtHypervisor("node-a", daemons.first().uri(), RenderContext.tcg(), peers, callsA,
                EngineThread.EXECUTOR, LibvirtSettings.DEFAULTS);
        nodeB = new LibvirtHypervisor("node-b", daemons.second().uri(), RenderContext.tcg(), peers, callsB,
                EngineThread.EXECUTOR, LibvirtSettings.DEFAULTS);
    }

    @AfterAll
    static void close() {
        if (nodeA != null) {
            nodeA.close();
            nodeB.close();
            callsA.shutdownNow();
            callsB.shutdownNow();
        }
    }

    @Test
    void aRunningVmMovesToTheOtherHostAndBackWhileRunning() {
        String vm = "migrant";
        List<String> events = new CopyOnWriteArrayList<>();
        List<MigrationProgress> progress = new CopyOnWriteArrayList<>();
        Subscription onA = nodeA.onLifecycleEvent(e -> record(events, e, vm));
        Subscription onB = nodeB.onLifecycleEvent(e -> record(events, e, vm));
        Subscription progressA = nodeA.onMigrationProgress(progress::add);
        try {
            ok(nodeA.define(VmSpec.of(vm, Size.ofMiB(64), 1)));
            ok(nodeA.start(vm));

            MigrationResult there = ok(nodeA.migrate(new MigrationRequest(vm, "node-b", 500, true, false,
                    Limits.MIGRATION_PORT)));

            System.out.println("node-a -> node-b: " + there + ", progress samples: " + progress);
            assertThat(there.durationMillis()).isPositive();
            assertThat(there.iterations()).isPositive();
            assertThat(there.downtimeMillis()).isBetween(0L, there.durationMillis());
            assertThat(ok(nodeB.domain(vm))).isEqualTo(new DomainInfo(vm, DomainState.RUNNING, "migrated"));
            // UNDEFINE_SOURCE: the source forgets the VM; exactly one copy exists (G-05).
            assertThat(ok(nodeA.list())).extracting(DomainInfo::name).doesNotContain(vm);
            awaitUntil(() -> events.contains("node-a STOPPED/migrated") && events.contains("node-b STARTED/migrated"),
                    () -> "events: " + events);
            assertThat(progress).allSatisfy(p -> assertThat(p.dataProcessed()).isLessThanOrEqualTo(p.dataTotal()));

            // And back, on the same port: only the target listens, so the port is free again.
            ok(nodeB.migrate(new MigrationRequest(vm, "node-a", 500, false, false, Limits.MIGRATION_PORT)));
            assertThat(ok(nodeA.domain(vm)).state()).isEqualTo(DomainState.RUNNING);
            assertThat(ok(nodeB.list())).extracting(DomainInfo::name).doesNotContain(vm);

            // PERSIST_DEST: the VM stays defined where it landed after it stops.
            ok(nodeA.destroy(vm));
            assertThat(ok(nodeA.domain(vm)).state()).isEqualTo(DomainState.SHUTOFF);
        } finally {
            onA.close();
            onB.close();
            progressA.close();
            await(nodeA.destroy(vm));
            await(nodeA.undefine(vm));
            await(nodeB.destroy(vm));
            await(nodeB.undefine(vm));
        }
    }

    @Test
    void aVmThatIsNotRunningCannotMigrateAndStaysWhereItIs() {
        String vm = "resting";
        ok(nodeA.define(VmSpec.of(vm, Size.ofMiB(64), 1)));
        try {
            OpResult<MigrationResult> r = await(nodeA.migrate(new MigrationRequest(vm, "node-b", 500, false, false,
                    Limits.MIGRATION_PORT)));

            assertThat(r).isInstanceOf(OpResult.Failed.class);
            assertThat(r.reason()).contains(vm).contains("node-b");
            assertThat(ok(nodeA.domain(vm)).state()).isEqualTo(DomainState.SHUTOFF);
            assertThat(ok(nodeB.list())).extracting(DomainInfo::name).doesNotContain(vm);
        } finally {
            await(nodeA.undefine(vm));
        }
    }

    private static void record(List<String> events, LifecycleEvent e, String vm) {
        if (e.vm().equals(vm) && (e.type() == LifecycleEventType.STOPPED || e.type() == LifecycleEventType.STARTED)) {
            events.add(e.host() + " " + e.type() + "/" + e.detail());
        }
    }
}
