package io.cellharness.fence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.port.OpResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, secrets stay covered: the ipmitool processes the driver starts never carry the BMC password in their
 * {@code /proc/<pid>/cmdline}, while the password does reach them (through the environment). A stand-in ipmitool
 * records its own command line and whether the password arrived; no BMC or daemon is needed.
 */
@EnabledOnOs(OS.LINUX)
class IpmiToolCommandLineSecretTest {

    static final String PASSWORD = "Zq7-distinctive-BMC-secret-4411";

    @Test
    void thePasswordIsNeverInTheIpmitoolCommandLine(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("cmdline");
        Path env = dir.resolve("env-ok");
        Path fake = dir.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/sh\n"
                + "tr '\\000' ' ' < /proc/$$/cmdline > '" + seen + "'\n"
                + "[ \"$IPMI_PASSWORD\" = '" + PASSWORD + "' ] && echo yes > '" + env + "'\n"
                + "echo 'Chassis Power is off'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            IpmiToolFenceDriver driver = new IpmiToolFenceDriver("node1", BmcAddress.parse("127.0.0.1:6230", 623),
                    new BmcCredentials("admin", PASSWORD),
                    IpmiToolFenceDriver.Settings.defaults().withIpmitool(fake.toString())
                            .withCommandTimeout(Duration.ofSeconds(20)),
                    new FenceExecutors(pool, Runnable::run));
            OpResult<?> result = driver.powerStatus().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(result.toString()).doesNotContain(PASSWORD);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(env).trim()).as("the password reached ipmitool").isEqualTo("yes");
        assertThat(Files.readString(seen)).contains("-E").contains("chassis power status").doesNotContain(PASSWORD);
    }
}
