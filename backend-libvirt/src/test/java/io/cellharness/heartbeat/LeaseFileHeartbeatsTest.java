package io.cellharness.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.OpResult;
import io.cellharness.engine.BlockingPool;
import io.cellharness.engine.EngineLoop;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease-file heartbeat on a real temporary directory, with the engine loop and a bounded pool. */
class LeaseFileHeartbeatsTest {

    @TempDir
    Path leases;
    private EngineLoop engine;
    private BlockingPool pool;

    @BeforeEach
    void start() {
        engine = new EngineLoop("engine-lease-test", (label, error) -> { });
        pool = new BlockingPool("lease", 1, 4, engine);
    }

    @AfterEach
    void stop() {
        pool.close();
        engine.close();
    }

    private static <T> OpResult<T> await(CompletionStage<OpResult<T>> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void eachWriteAdvancesTheCounterAndAnotherHostReadsIt() throws Exception {
        LeaseFileHeartbeats cube1 = new LeaseFileHeartbeats(leases, pool, 2_000);
        LeaseFileHeartbeats manager = new LeaseFileHeartbeats(leases, pool, 2_000);

        assertThat(await(manager.read("manager", "cube1"))).isInstanceOf(OpResult.Failed.class);
        assertThat(await(cube1.write("cube1"))).isEqualTo(OpResult.ok(0L));
        assertThat(await(cube1.write("cube1"))).isEqualTo(OpResult.ok(1L));
        assertThat(await(manager.read("manager", "cube1"))).isEqualTo(OpResult.ok(1L));
        assertThat(Files.readString(leases.resolve("cube1.lease"), StandardCharsets.US_ASCII)).isEqualTo("1\n");
        assertThat(leases.resolve("cube1.lease.tmp")).doesNotExist();
    }

    @Test
    void aRestartedHelperContinuesFromTheFileSoTheCounterNeverGoesBack() throws Exception {
        LeaseFileHeartbeats before = new LeaseFileHeartbeats(leases, pool, 2_000);
        await(before.write("cube1"));
        await(before.write("cube1"));

        LeaseFileHeartbeats after = new LeaseFileHeartbeats(leases, pool, 2_000);
        assertThat(await(after.write("cube1"))).isEqualTo(OpResult.ok(2L));
    }

    @Test
    void aDirectoryThatIsGoneIsAFailedWrite() throws Exception {
        LeaseFileHeartbeats missing = new LeaseFileHeartbeats(leases.resolve("not-mounted"), pool, 2_000);

        OpResult<Long> result = await(missing.write("cube1"));

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("lease write of cube1 failed");
    }

    @Test
    void aCorruptLeaseIsAFailedReadNamingTheFile() throws Exception {
        Files.writeString(leases.resolve("cube2.lease"), "garbage");
        OpResult<Long> result = await(new LeaseFileHeartbeats(leases, pool, 2_000).read("manager", "cube2"));

        assertThat(result).isInstanceOf(OpResult.Failed.class);
        assertThat(result.reason()).contains("cube2.lease").contains("does not hold a counter");
    }

    /** A write that blocks in the kernel (here: opening a FIFO nobody reads, as a hung NFS mount would) is unknown. */
    @Test
    void aWriteThatHangsIsUnknownWithinTheTimeoutAndTheEngineGoesOn() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", leases.resolve("cube3.lease.tmp").toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        LeaseFileHeartbeats hung = new LeaseFileHeartbeats(leases, pool, 300);

        long start = System.nanoTime();
        OpResult<Long> result = await(hung.write("cube3"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(result).isInstanceOf(OpResult.Unknown.class);
        assertThat(result.reason()).contains("no answer within 300 ms");
        assertThat(tookMillis).isLessThan(5_000);
        // The one storage thread is stuck: the next call waits behind it and is unknown within its own bound too.
        OpResult<Long> next = await(hung.write("cube1"));
        assertThat(next).isNotInstanceOf(OpResult.Ok.class);
        // Release the stuck thread so the pool can close.
        try (var reader = Files.newInputStream(leases.resolve("cube3.lease.tmp"))) {
            reader.readAllBytes();
        }
    }
}
