package io.cellharness.runtime;

import io.cellharness.core.ha.HaHelper;
import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.ha.Ring;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.port.PeerMessage;
import io.cellharness.core.port.Watchdog;
import io.cellharness.heartbeat.LeaseFileHeartbeats;
import io.cellharness.libvirt.LibvirtHypervisor;
import io.cellharness.libvirt.MigrationPeers;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.xml.RenderContext;
import io.cellharness.peer.TlsServer;
import io.cellharness.runtime.config.AgentConfig;
import io.cellharness.runtime.config.ConfigException;
import io.cellharness.runtime.config.ConfigFiles;
import io.cellharness.runtime.config.Secrets;
import io.cellharness.runtime.config.WatchdogConfig;
import io.cellharness.watchdog.DeviceWatchdog;
import io.cellharness.watchdog.SoftwareWatchdog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cell agent}: the HA helper of one host on the engine loop, with the host's libvirt, the lease-file
 * storage heartbeat, the watchdog and the HTTPS peer channel. Its status API answers what the helper last reported
 * (libvirt UP or DEGRADED, storage, the domains running here), which watchdog runs, and the CloudStack
 * {@code agent-ha-helper} question "which domains run here" ({@code GET /v1/domains}).
 */
public final class AgentService extends ServiceBase {

    private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);

    private final String host;
    private final HaHelper helper;
    private final LibvirtHypervisor hypervisor;
    private final AutoCloseable watchdogHandle;
    private final String watchdogKind;
    private volatile PeerMessage.Heartbeat lastHeartbeat;

    private AgentService(ConfigFiles.Loaded<AgentConfig> loaded, Secrets secrets)
            throws ConfigException, IOException {
        super(loaded.config().host(), loaded.directory(), loaded.config().tls(), loaded.config().listen(),
                loaded.config().nodes(), secrets);
        AgentConfig c = loaded.config();
        this.host = c.host();
        WatchdogConfig wd = c.watchdog() == null ? new WatchdogConfig(null, null, null) : c.watchdog();
        Path device = Path.of(wd.deviceOrDefault());
        Watchdog watchdog;
        if (Files.exists(device)) {
            DeviceWatchdog dw = new DeviceWatchdog(device);
            watchdog = dw;
            watchdogHandle = dw;
            watchdogKind = "device " + device;
        } else if ("software".equals(wd.fallback())) {
            SoftwareWatchdog sw = new SoftwareWatchdog(wd.timeout() * 1_000L, () -> {
                LOG.error("software watchdog: not petted for {} s; the agent halts (it cannot reset the host)",
                        wd.timeout());
                Runtime.getRuntime().halt(70);
            });
            watchdog = sw;
            watchdogHandle = sw;
            watchdogKind = "software (named fallback: halts the agent, cannot reset the host)";
        } else {
            close();
            throw new ConfigException(loaded.directory() + ": watchdog: device " + device + " does not exist and no "
                    + "fallback is named (set watchdog.fallback: software to run without a hardware watchdog)");
        }
        this.hypervisor = new LibvirtHypervisor(host, c.libvirt() == null ? "qemu:///system" : c.libvirt(),
                RenderContext.kvm(), MigrationPeers.none(), libvirtPool, engine, LibvirtSettings.DEFAULTS);
        LeaseFileHeartbeats storage = new LeaseFileHeartbeats(loaded.resolve(c.storageHeartbeat().directory()),
                storagePool, c.storageHeartbeat().timeout());
        List<String> hosts = loaded.cluster().hosts().stream().map(HostSpec::name).toList();
        HaSettings settings = HaSettings.DEFAULTS;
        this.helper = new HaHelper(host, c.manager(), new Ring(hosts, settings.neighbours()), engine, engine,
                hypervisor, storage, new ObservedPeerChannel(channel, hb -> lastHeartbeat = hb), watchdog, settings);
        server.route("/v1/domains", request -> {
            PeerMessage.Heartbeat hb = lastHeartbeat;
            return TlsServer.Response.json(200, json(Map.of("host", host,
                    "runningVms", hb == null ? List.of() : hb.runningVms())));
        });
    }

    /** Reads nothing more from disk: {@code loaded} is a checked agent.yaml. Starts serving and the helper. */
    public static AgentService start(ConfigFiles.Loaded<AgentConfig> loaded, Secrets secrets)
            throws ConfigException, IOException {
        AgentService agent = new AgentService(loaded, secrets);
        agent.server.start();
        agent.engine.execute(agent.helper::start);
        LOG.info("agent {} started; watchdog: {}", agent.host, agent.watchdogKind);
        return agent;
    }

    @Override
    Map<String, Object> status() {
        PeerMessage.Heartbeat hb = lastHeartbeat;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("node", host);
        doc.put("role", "agent");
        doc.put("libvirt", hb == null ? "STARTING" : hb.libvirtOk() ? "UP" : "DEGRADED");
        doc.put("storageHeartbeat", hb == null ? "STARTING" : hb.storageOk() ? "OK" : "FAILING");
        doc.put("heartbeatSequence", hb == null ? 0 : hb.sequence());
        doc.put("runningVms", hb == null ? List.of() : hb.runningVms());
        doc.put("watchdog", watchdogKind);
        doc.put("libvirtConnectionsOpened", hypervisor.connection().opens());
        return doc;
    }

    @Override
    public void close() {
        if (helper != null) {
            engine.execute(helper::stop);
        }
        super.close();
        if (watchdogHandle != null) {
            try {
                watchdogHandle.close();
            } catch (Exception e) {
                LOG.warn("watchdog close failed: {}", e.toString());
            }
        }
    }
}
