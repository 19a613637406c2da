package io.cellharness.sim.world;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.core.port.Subscription;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * Helper and manager messages over the simulated management network, as one process sends them. Messages to a node
 * whose serving process is dead, or that the network drops, are lost; requests then time out as unknown.
 */
final class SimPeerChannel implements PeerChannel {

    /** Who serves messages on each node now, shared by every process's channel. */
    static final class Servers {
        private final TreeMap<String, Served> byNode = new TreeMap<>();
    }

    private record Served(ProcessScope scope, Handler handler) {
    }

    private final SimCluster cluster;
    private final ProcessScope caller;
    private final Servers servers;

    SimPeerChannel(SimCluster cluster, ProcessScope caller, Servers servers) {
        this.cluster = cluster;
        this.caller = caller;
        this.servers = servers;
    }

    private Served server(String node) {
        Served s = servers.byNode.get(node);
        return s != null && s.scope().alive() ? s : null;
    }

    @Override
    public void send(String from, String to, PeerMessage message) {
        cluster.network().send(Net.MGMT, from, to, "peer", () -> {
            Served s = server(to);
            if (s != null) {
                s.handler().handle(from, message);
            }
        });
    }

    @Override
    public CompletionStage<OpResult<PeerMessage>> request(String from, String to, PeerMessage message, long timeoutMillis) {
        PendingReply<PeerMessage> pending = new PendingReply<>(cluster.sim(), caller, timeoutMillis, "peer timeout",
                to + " did not answer within " + timeoutMillis + " ms");
        cluster.network().send(Net.MGMT, from, to, "peer request", () -> {
            Served s = server(to);
            if (s == null) {
                return;
            }
            CompletionStage<PeerMessage> reply = s.handler().handle(from, message);
            if (reply == null) {
                return;
            }
            reply.thenAccept(answer -> cluster.network().send(Net.MGMT, to, from, "peer reply",
                    () -> pending.reply(OpResult.ok(answer))));
        });
        return pending.stage();
    }

    @Override
    public Subscription serve(String node, Handler handler) {
        Served served = new Served(caller, handler);
        servers.byNode.put(node, served);
        return () -> servers.byNode.remove(node, served);
    }
}
