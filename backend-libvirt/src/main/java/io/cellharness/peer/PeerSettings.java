package io.cellharness.peer;

/**
 * The peer channel's numbers, kept with the channel (they are this world's physics, not the catalogue's).
 *
 * @param maxBodyBytes        the largest request body a service reads; a bigger one gets 413
 * @param connectTimeoutMillis how long a client waits for a TCP and TLS connection
 * @param sendTimeoutMillis   how long a one-way message may take before it is given up (it may be lost anyway)
 * @param handlerTimeoutMillis how long the server waits for the engine to answer a request before it answers 503
 * @param serverThreads       threads serving requests (each waits at most the handler timeout)
 * @param refusalLogIntervalMillis at most one log line per this interval about refused clients
 */
public record PeerSettings(int maxBodyBytes, long connectTimeoutMillis, long sendTimeoutMillis,
                           long handlerTimeoutMillis, int serverThreads, long refusalLogIntervalMillis) {

    public static final PeerSettings DEFAULTS = new PeerSettings(64 * 1024, 2_000, 5_000, 5_000, 8, 60_000);
}
