package io.cellharness.fence;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.BmcSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.port.FenceDriver;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the fencing driver a host's {@link BmcSpec} asks for: {@link IpmiToolFenceDriver} for {@code ipmi},
 * {@link RedfishFenceDriver} for {@code redfish}. All Redfish drivers it builds share one HTTP client (one selector
 * thread), created when the first is built.
 */
public final class BmcDriverFactory {

    private final FenceExecutors executors;
    private final IpmiToolFenceDriver.Settings ipmi;
    private final RedfishFenceDriver.Settings redfish;
    private final TlsTrust trust;
    private final Map<String, HttpClient> perCa = new TreeMap<>();
    private final Function<String, String> environment;
    private HttpClient redfishClient;

    /**
     * @param executors   where the drivers block and where they deliver
     * @param ipmi        how ipmitool is run
     * @param redfish     Redfish timeouts (a system path here would apply to every host, so it is usually null)
     * @param trust       which certificates Redfish BMCs may present
     * @param environment variable name to value, where the passwords named by {@code passwordEnv} are read
     */
    public BmcDriverFactory(FenceExecutors executors, IpmiToolFenceDriver.Settings ipmi,
                        RedfishFenceDriver.Settings redfish, TlsTrust trust, Function<String, String> environment) {
        this.executors = Objects.requireNonNull(executors, "executors");
        this.ipmi = Objects.requireNonNull(ipmi, "ipmi");
        this.redfish = Objects.requireNonNull(redfish, "redfish");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** Default settings, the JDK's trust store and this process's environment. */
    public static BmcDriverFactory withDefaults(FenceExecutors executors) {
        return withDefaults(executors, System::getenv);
    }

    /** Default settings and the JDK's trust store, with passwords read from {@code environment}. */
    public static BmcDriverFactory withDefaults(FenceExecutors executors, Function<String, String> environment) {
        return new BmcDriverFactory(executors, IpmiToolFenceDriver.Settings.defaults(),
                RedfishFenceDriver.Settings.defaults(), TlsTrust.systemDefault(), environment);
    }

    /**
     * The driver of a host's BMC.
     *
     * @throws IllegalArgumentException naming the host when it has no BMC, or its BMC's address or credentials are
     *                                  missing or malformed
     */
    public FenceDriver forHost(HostSpec host) {
        if (host.bmc() == null) {
            throw new IllegalArgumentException("host " + host.name() + " has no bmc, so it cannot be fenced (H-04)");
        }
        return forHost(host.name(), host.bmc());
    }

    /** The driver of {@code bmc}, which powers {@code host}; see {@link #forHost(HostSpec)}. */
    public FenceDriver forHost(String host, BmcSpec bmc) {
        BmcCredentials credentials = BmcCredentials.fromEnvironment(host, bmc, environment);
        return switch (bmc.kind()) {
            case IPMI -> IpmiToolFenceDriver.fromSpec(host, bmc, ipmi, executors, credentials);
            case REDFISH -> RedfishFenceDriver.fromSpec(host, bmc, redfish,
                    bmc.caFile() == null ? redfishClient() : redfishClient(bmc.caFile()), executors, credentials);
        };
    }

    /**
     * A client that trusts the CA named for one BMC in the cluster file, and nothing else: naming a BMC's CA does not
     * make the whole JVM trust it (issue 19). One client per CA file.
     */
    private synchronized HttpClient redfishClient(String caFile) {
        return perCa.computeIfAbsent(caFile, f -> RedfishFenceDriver.httpClient(TlsTrust.certificatesFrom(Path.of(f)),
                Duration.ofMillis(Limits.REDFISH_CONNECT_TIMEOUT_MS), executors.blocking()));
    }

    private synchronized HttpClient redfishClient() {
        if (redfishClient == null) {
            redfishClient = RedfishFenceDriver.httpClient(trust, Duration.ofMillis(Limits.REDFISH_CONNECT_TIMEOUT_MS),
                    executors.blocking());
        }
        return redfishClient;
    }
}
