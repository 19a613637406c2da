package io.cellharness.features.backend;

import io.cellharness.core.limits.Limits;
import io.cellharness.libvirt.LibvirtCallExecutors;
import io.cellharness.libvirt.MigrationPeer;
import io.cellharness.libvirt.MigrationPeers;
import io.cellharness.libvirt.connect.LibvirtEventLoop;
import io.cellharness.libvirt.local.LocalBridge;
import io.cellharness.libvirt.local.LocalLibvirtDaemon;
import io.cellharness.libvirt.local.LocalLibvirtDaemons;
import io.cellharness.libvirt.xml.DomainType;
import io.cellharness.libvirt.xml.DomainXmlException;
import io.cellharness.libvirt.xml.GuestCapabilities;
import io.cellharness.libvirt.xml.MachineType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * The libvirt hosts the scenarios of this JVM run on, opened once and shared by every scenario: the daemons named by
 * {@code cell.libvirt.uri}, or else two private local daemons ({@code cube1}, {@code cube2}) started here and stopped
 * by PID when the JVM ends (shutdown hook). Also the threads every scenario's hypervisors share: the engine's single
 * thread and each host's bounded libvirt call pool, and the bridges made for local guests.
 *
 * <p>Why real daemons rather than libvirt's in-process test driver, even where a scenario only defines and reads
 * back: the claim "passes on libvirt" is about the QEMU driver, whose validation the test driver does not do (it
 * accepts 710 vCPUs where QEMU 7.2's q35 machine refuses more than 288). Two daemons start in about ten seconds, once.
 */
final class LibvirtHosts implements AutoCloseable {

    /** The hosts local daemons are named after, as the simulator's. */
    static final List<String> LOCAL_HOSTS = SimScenarioBackend.HOSTS;

    private static final System.Logger LOG = System.getLogger(LibvirtHosts.class.getName());
    private static final Object LOCK = new Object();
    /** By the value of {@code cell.libvirt.uri} ("" for local daemons): what was opened, or why it could not be. */
    private static final TreeMap<String, LibvirtHosts> OPENED = new TreeMap<>();
    private static final TreeMap<String, BackendUnavailableException> FAILED = new TreeMap<>();

    /**
     * One host's daemon and what was learnt about it when it was opened.
     *
     * @param local            the local daemon, or null for a daemon named by URI
     * @param domainType       {@code kvm} where the daemon offers it (a usable /dev/kvm), else {@code qemu} (TCG)
     * @param maxVcpus         the most vCPUs of one VM here: L-02, or the q35 machine's limit if lower
     * @param migrationAddress where this host's QEMU listens for incoming migrations
     */
    record Host(String name, String uri, LocalLibvirtDaemon local, DomainType domainType, int maxVcpus,
                String migrationAddress) {
        boolean isLocal() {
            return local != null;
        }
    }

    private final TreeMap<String, Host> hosts = new TreeMap<>();
    private final LocalLibvirtDaemons daemons;
    private final TreeMap<String, ThreadPoolExecutor> calls = new TreeMap<>();
    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engine");
        t.setDaemon(true);
        return t;
    });
    private final TreeMap<String, LocalBridge> bridges = new TreeMap<>();
    private boolean closed;

    private LibvirtHosts(LocalLibvirtDaemons daemons) {
        this.daemons = daemons;
    }

    /**
     * The hosts of this JVM for the current {@code cell.libvirt.uri}, opened on first use.
     *
     * @throws BackendUnavailableException (one line) when libvirt or the daemons cannot be used; remembered, so
     *                                     later scenarios fail fast with the same reason
     */
    static LibvirtHosts shared() {
        String uris = System.getProperty(LibvirtTarget.PROPERTY, "").trim();
        synchronized (LOCK) {
            if (FAILED.containsKey(uris)) {
                throw FAILED.get(uris);
            }
            LibvirtHosts hosts = OPENED.get(uris);
            if (hosts == null) {
                try {
                    hosts = open(uris);
                } catch (BackendUnavailableException e) {
                    FAILED.put(uris, e);
                    throw e;
                }
                OPENED.put(uris, hosts);
                Runtime.getRuntime().addShutdownHook(new Thread(hosts::close, "cell-libvirt-hosts-shutdown"));
            }
            return hosts;
        }
    }

    private static LibvirtHosts open(String uris) {
        requireLibrary();
        if (uris.isEmpty()) {
            return openLocal();
        }
        LibvirtHosts hosts = new LibvirtHosts(null);
        try {
            for (LibvirtTarget t : LibvirtTarget.parse(uris)) {
                hosts.add(probe(t.host(), t.uri(), null, migrationAddressOf(t.uri())));
            }
        } catch (RuntimeException e) {
            hosts.close();
            throw e;
        }
        return hosts;
    }

    private static LibvirtHosts openLocal() {
        String missing = LocalLibvirtDaemon.missingPrerequisites();
        if (!missing.isEmpty()) {
            throw new BackendUnavailableException("cannot start local libvirt daemons: missing " + missing
                    + "; install libvirt-daemon, libvirt-daemon-driver-qemu and qemu-system-x86 and run as root, or "
                    + "name running daemons with --uri");
        }
        LocalLibvirtDaemons daemons;
        try {
            daemons = LocalLibvirtDaemons.start(LOCAL_HOSTS);
        } catch (RuntimeException e) {
            throw new BackendUnavailableException("cannot start local libvirt daemons: " + e.getMessage(), e);
        }
        LibvirtHosts hosts = new LibvirtHosts(daemons);
        try {
            for (LocalLibvirtDaemon d : daemons.daemons()) {
                // Both daemons share this machine's network: the target's QEMU listens on loopback (TESTING.md).
                hosts.add(probe(d.name(), d.uri(), d, "127.0.0.1"));
            }
        } catch (RuntimeException e) {
            hosts.close();
            throw e;
        }
        return hosts;
    }

    /**
     * JNA loads libvirt.so.0 on first use; its absence is a LinkageError, said here in one line. Starting libvirt's
     * event loop first also silences libvirt's own printing of errors to stderr: they reach us as exceptions.
     */
    private static void requireLibrary() {
        try {
            LibvirtEventLoop.ensureRunning();
            Connect probe = new Connect("test:///default");
            probe.close();
        } catch (LinkageError e) {
            throw new BackendUnavailableException("libvirt's client library (libvirt.so.0, Debian package libvirt0) "
                    + "cannot be loaded: " + e.getMessage());
        } catch (LibvirtException | IllegalStateException e) {
            throw new BackendUnavailableException("libvirt's client library does not work: " + e.getMessage());
        }
    }

    private static Host probe(String name, String uri, LocalLibvirtDaemon local, String migrationAddress) {
        Connect c;
        try {
            c = new Connect(uri);
        } catch (LibvirtException e) {
            throw new BackendUnavailableException("libvirt at " + uri + " (host " + name + ") does not answer: "
                    + oneLine(e.getMessage()));
        }
        try {
            GuestCapabilities caps = GuestCapabilities.parse(c.getCapabilities());
            DomainType type = uri.startsWith("test:") ? DomainType.QEMU : caps.domainType();
            int max = Math.min(Limits.VM_MAX_VCPUS, caps.maxVcpus(MachineType.Q35).orElse(Limits.VM_MAX_VCPUS));
            LOG.log(System.Logger.Level.DEBUG, "libvirt host {0} at {1}: domain type {2}, at most {3} vCPUs per VM",
                    name, uri, type.xmlName(), max);
            return new Host(name, uri, local, type, max, migrationAddress);
        } catch (LibvirtException | DomainXmlException e) {
            throw new BackendUnavailableException("libvirt at " + uri + " (host " + name + ") gave no capabilities: "
                    + oneLine(e.getMessage()));
        } finally {
            try {
                c.close();
            } catch (LibvirtException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the probe of {0}: {1}", uri, e.getMessage());
            }
        }
    }

    /** The address in a remote URI ({@code qemu+tcp://10.0.0.2/system}); loopback for local transports. */
    private static String migrationAddressOf(String uri) {
        try {
            String host = new URI(uri).getHost();
            return host == null || host.isEmpty() ? "127.0.0.1" : host;
        } catch (URISyntaxException e) {
            return "127.0.0.1";
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').strip();
    }

    private void add(Host host) {
        hosts.put(host.name(), host);
        calls.put(host.name(), LibvirtCallExecutors.bounded(host.name()));
    }

    List<String> names() {
        return new ArrayList<>(hosts.keySet());
    }

    /** {@code kvm} or {@code qemu (TCG)} when every host runs the same, else per host. */
    String guests() {
        java.util.TreeMap<String, List<String>> byType = new java.util.TreeMap<>();
        for (Host h : hosts.values()) {
            String type = h.domainType() == DomainType.KVM ? io.cellharness.core.host.GuestVirtualisation.KVM
                    : io.cellharness.core.host.GuestVirtualisation.QEMU_TCG;
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(h.name());
        }
        if (byType.size() == 1) {
            return byType.firstKey();
        }
        List<String> parts = new ArrayList<>();
        byType.forEach((type, names) -> parts.add(type + " on " + String.join(", ", names)));
        return String.join("; ", parts);
    }

    /** One line per host, e.g. {@code cube1: qemu+unix:///system?socket=... (local daemon, kvm, at most 288 vCPUs)}. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Host h : hosts.values()) {
            lines.add(h.name() + ": " + h.uri() + " (" + (h.isLocal() ? "local daemon, " : "")
                    + h.domainType().xmlName() + ", at most " + h.maxVcpus() + " vCPUs per VM)");
        }
        return lines;
    }

    Host host(String name) {
        Host h = hosts.get(name);
        if (h == null) {
            throw new AssertionError("the libvirt backend has no host " + name + " (it has " + names() + "); name "
                    + "it in " + LibvirtTarget.PROPERTY + ", e.g. cube1=URI,cube2=URI");
        }
        return h;
    }

    ThreadPoolExecutor calls(String host) {
        return calls.get(host);
    }

    ExecutorService engine() {
        return engine;
    }

    /** Where each host's daemon is, for peer-to-peer migration (G-02). */
    MigrationPeers peers() {
        return name -> Optional.ofNullable(hosts.get(name))
                .map(h -> new MigrationPeer(h.uri(), h.migrationAddress()));
    }

    /**
     * Makes sure a local host has {@code bridge} (N-01, N-03): a Cell host has its bridges configured, and a local
     * guest cannot start without the one its NIC names. Local daemons share this machine's network, so one bridge
     * serves both.
     *
     * @throws DomainXmlException when the bridge cannot be made, which fails the define that needed it
     */
    synchronized void ensureBridge(String bridge) {
        if (closed || bridges.containsKey(bridge)) {
            return;
        }
        try {
            bridges.put(bridge, LocalBridge.ensure(bridge));
        } catch (IllegalStateException e) {
            throw new DomainXmlException("cannot give the local hosts the bridge " + bridge + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        engine.shutdownNow();
        calls.values().forEach(ThreadPoolExecutor::shutdownNow);
        if (daemons != null) {
            daemons.close(); // by PID, with the guests they left
        }
        for (LocalBridge b : bridges.values()) {
            try {
                b.close();
            } catch (IllegalStateException e) {
                LOG.log(System.Logger.Level.WARNING, "bridge {0} left behind: {1}", b.name(), e.getMessage());
            }
        }
    }
}
