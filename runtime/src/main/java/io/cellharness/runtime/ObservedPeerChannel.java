package io.cellharness.runtime;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PeerChannel;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.core.port.Subscription;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The peer channel as the engine uses it, with every heartbeat it carries (sent by an agent, received by the manager)
 * shown to the service's status: what the engine said is what the operator sees.
 */
final class ObservedPeerChannel implements PeerChannel {

    private final PeerChannel channel;
    private final Consumer<PeerMessage.Heartbeat> heartbeats;

    ObservedPeerChannel(PeerChannel channel, Consumer<PeerMessage.Heartbeat> heartbeats) {
        this.channel = channel;
        this.heartbeats = heartbeats;
    }

    @Override
    public void send(String from, String to, PeerMessage message) {
        if (message instanceof PeerMessage.Heartbeat hb) {
            heartbeats.accept(hb);
        }
        channel.send(from, to, message);
    }

    @Override
    public CompletionStage<OpResult<PeerMessage>> request(String from, String to, PeerMessage message,
                                                          long timeoutMillis) {
        return channel.request(from, to, message, timeoutMillis);
    }

    @Override
    public Subscription serve(String node, Handler handler) {
        return channel.serve(node, (from, message) -> {
            if (message instanceof PeerMessage.Heartbeat hb) {
                heartbeats.accept(hb);
            }
            return handler.handle(from, message);
        });
    }
}
