package io.cellharness.core.port;

import java.util.concurrent.CompletionStage;

/**
 * Messages between HA helpers and the manager over the management network. Delivery is not guaranteed; a request
 * without a reply in time completes {@link OpResult.Unknown}.
 */
public interface PeerChannel {

    /** Sends a one-way message; it may be lost. */
    void send(String from, String to, PeerMessage message);

    /** Sends a request and completes with the reply, or Unknown after {@code timeoutMillis}. */
    CompletionStage<OpResult<PeerMessage>> request(String from, String to, PeerMessage message, long timeoutMillis);

    /** Makes {@code node} answer messages with {@code handler}, until the subscription is closed. */
    Subscription serve(String node, Handler handler);

    /** What a node does with the messages it receives. */
    @FunctionalInterface
    interface Handler {
        /**
         * Handles {@code message} from {@code from}; for a request, returns the stage that completes with the reply,
         * for a one-way message returns {@code null}.
         */
        CompletionStage<PeerMessage> handle(String from, PeerMessage message);
    }
}
