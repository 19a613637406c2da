package io.cellharness.libvirt;

import static io.cellharness.libvirt.Completions.await;
import static io.cellharness.libvirt.Completions.awaitUntil;
import static io.cellharness.libvirt.Completions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.LifecycleEvent;
import io.cellharness.core.port.LifecycleEventType;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.Subscription;
import io.cellharness.libvirt.connect.LibvirtConnection;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.local.LocalLibvirtDaemon;
import io.cellharness.libvirt.xml.RenderContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A daemon that goes away or hangs: calls complete unknown (never failed: they may have happened), keepalive notices a
 * hung daemon, and the connection comes back by itself with its event callback re-armed.
 */
@ExtendWith(LibvirtDaemons.class)
class DaemonResilienceTest {

    private ThreadPoolExecutor calls;
    private LocalLibvirtDaemon daemon;
    private LibvirtHypervisor node;

    @BeforeEach
    void open(LibvirtDaemons daemons) {
        daemon = daemons.second();
        calls = LibvirtCallExecutors.bounded("node-b");
        LibvirtSettings fast = LibvirtSettings.DEFAULTS.withKeepalive(1, 2).withCallTimeoutMillis(5_000)
                .withReconnectDelayMillis(200);
        node = new LibvirtHypervisor("node-b", daemon.uri(), RenderContext.tcg(), MigrationPeers.none(), calls,
                EngineThread.EXECUTOR, fast);
    }

    @AfterEach
    void close() {
        if (!daemon.alive()) {
            daemon.restart(Limits.LOCAL_LIBVIRTD_READY_MILLIS);
        }
        node.close();
        calls.shutdownNow();
    }

    @Test
    void afterADaemonRestartTheConnectionAndItsEventsComeBack() {
        ok(node.ping());
        assertThat(node.connection().opens()).isEqualTo(1);
        List<LifecycleEvent> events = new CopyOnWriteArrayList<>();
        Subscription s = node.onLifecycleEvent(events::add);
        String vm = "phoenix";
        try {
            daemon.stop();
            OpResult<Void> whileDown = await(node.ping());
            assertThat(whileDown).as(whileDown.reason()).isInstanceOf(OpResult.Unknown.class);

            daemon.restart(Limits.LOCAL_LIBVIRTD_READY_MILLIS);
            awaitUntil(() -> node.connection().opens() >= 2 && node.connection().currentIfOpen() != null,
                    () -> "connection opened " + node.connection().opens() + " times");
            ok(node.define(VmSpec.of(vm, Size.ofMiB(64), 1)));
            ok(node.start(vm));

            awaitUntil(() -> events.stream().anyMatch(e -> e.vm().equals(vm) && e.type() == LifecycleEventType.STARTED),
                    () -> "events: " + events);
        } finally {
            s.close();
            await(node.destroy(vm));
            await(node.undefine(vm));
        }
    }

    @Test
    void aHungDaemonIsUnknownKeepaliveDropsItAndItRecoversWhenItWakes() {
        ok(node.ping());
        LibvirtConnection.Handle before = node.connection().currentIfOpen();
        Signals.send(daemon.pid(), Signals.STOP); // hung: alive, answering nothing
        try {
            OpResult<Void> hung = await(node.ping());
            assertThat(hung).as(hung.reason()).isInstanceOf(OpResult.Unknown.class);
            // Only keepalive (1 s x 2 here) can end a call stuck on a silent daemon and mark the connection broken.
            awaitUntil(before::broken, () -> "the connection to the frozen daemon is not marked broken");
        } finally {
            Signals.send(daemon.pid(), Signals.CONTINUE);
        }
        // Keepalive closed the dead connection; the backend reopens it on its own.
        awaitUntil(() -> await(node.ping()).isOk(), () -> "the daemon does not answer pings again");
        assertThat(node.connection().opens()).isGreaterThanOrEqualTo(2);
    }
}
