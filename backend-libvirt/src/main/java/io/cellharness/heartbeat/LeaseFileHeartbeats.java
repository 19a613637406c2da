package io.cellharness.heartbeat;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.StorageHeartbeats;
import io.cellharness.engine.BlockingPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A lease file per host in a directory on shared storage ({@code <host>.lease}, the counter in decimal). A write
 * puts the next counter in {@code <host>.lease.tmp}, {@code fsync}s it, renames it over the lease (atomic on POSIX
 * filesystems and NFS) and {@code fsync}s the directory, so a reader sees the old counter or the new one, never a torn
 * one, and a counter once acknowledged survives a crash. The counter continues from the file after a restart.
 *
 * <p>A call that does not finish within the timeout is unknown (a hung NFS mount blocks in the kernel; the pool's
 * thread stays blocked, and once every thread is, further calls are refused as failed rather than queued).
 */
public final class LeaseFileHeartbeats implements StorageHeartbeats {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final Path directory;
    private final BlockingPool pool;
    private final long timeoutMillis;
    private final Map<String, Long> written = new ConcurrentHashMap<>();

    /**
     * @param directory     the lease directory on the shared filesystem; it must exist
     * @param pool          where file calls block; results are delivered on its engine
     * @param timeoutMillis bound on one call
     */
    public LeaseFileHeartbeats(Path directory, BlockingPool pool, long timeoutMillis) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.timeoutMillis = timeoutMillis;
    }

    /** The lease file of {@code host}. */
    public Path leaseOf(String host) {
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("host name '" + host + "' cannot name a lease file");
        }
        return directory.resolve(host + ".lease");
    }

    @Override
    public CompletionStage<OpResult<Long>> write(String host) {
        return bounded("lease write of " + host, () -> {
            Path lease = leaseOf(host);
            long next = Math.max(written.getOrDefault(host, -1L), readCounter(lease, -1L)) + 1;
            Path tmp = directory.resolve(host + ".lease.tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
            try {
                Files.move(tmp, lease, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                return OpResult.failed("lease directory " + directory + " cannot rename atomically");
            }
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
            written.put(host, next);
            return OpResult.ok(next);
        });
    }

    @Override
    public CompletionStage<OpResult<Long>> read(String reader, String host) {
        return bounded("lease read of " + host + " by " + reader, () -> {
            Path lease = leaseOf(host);
            if (!Files.exists(lease)) {
                return OpResult.failed("no lease file " + lease + " yet");
            }
            return OpResult.ok(readCounter(lease, -1L));
        });
    }

    private static long readCounter(Path lease, long missing) throws IOException {
        String text;
        try {
            text = Files.readString(lease, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException none) {
            return missing;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException malformed) {
            throw new IOException("lease file " + lease + " does not hold a counter");
        }
    }

    @FunctionalInterface
    private interface FileCall {
        OpResult<Long> run() throws IOException;
    }

    private CompletionStage<OpResult<Long>> bounded(String what, FileCall call) {
        CompletableFuture<OpResult<Long>> done = new CompletableFuture<>();
        CompletionStage<OpResult<Long>> running;
        try {
            running = pool.call(() -> {
                try {
                    return call.run();
                } catch (IOException e) {
                    return OpResult.failed(what + " failed: " + e);
                }
            });
        } catch (RejectedExecutionException refused) {
            done.complete(OpResult.failed(what + " not started: every storage thread is busy"));
            return done;
        }
        running.toCompletableFuture()
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> {
                    OpResult<Long> outcome;
                    if (error == null) {
                        outcome = result;
                    } else {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        outcome = cause instanceof TimeoutException
                                ? OpResult.unknown(what + ": no answer within " + timeoutMillis + " ms")
                                : cause instanceof RejectedExecutionException
                                ? OpResult.failed(what + " not started: every storage thread is busy")
                                : OpResult.unknown(what + ": " + cause);
                    }
                    if (error != null) {
                        try {
                            pool.engine().execute(() -> done.complete(outcome));
                        } catch (RejectedExecutionException engineGone) {
                            done.complete(outcome);
                        }
                    } else {
                        done.complete(outcome); // already on the engine: the pool delivered it there
                    }
                });
        return done;
    }
}
