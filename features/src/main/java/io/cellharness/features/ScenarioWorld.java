package io.cellharness.features;

import io.cellharness.core.model.ClusterSettings;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.mac.MacAllocator;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.SeededRandom;
import io.cellharness.core.provision.VmDefiner;
import io.cellharness.core.spec.SpecFormatException;
import io.cellharness.core.validation.ValidationReport;
import io.cellharness.features.backend.BackendUnavailableException;
import io.cellharness.features.backend.Backends;
import io.cellharness.features.backend.ScenarioBackend;
import io.cucumber.java.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.opentest4j.TestAbortedException;

/**
 * What the steps of one scenario share: the cluster being described and the last answers the engine gave. One
 * instance per scenario (PicoContainer).
 */
public class ScenarioWorld {

    private final List<HostSpec> hosts = new ArrayList<>();
    private final List<VmSpec> vms = new ArrayList<>();
    private ClusterSettings settings = ClusterSettings.DEFAULTS;
    private String yaml;

    ClusterSpec checked;
    io.cellharness.core.host.HostSuspendPolicy.Decision hostSuspend;
    ValidationReport report;
    SpecFormatException formatError;

    private ScenarioBackend backend;
    private VmDefiner definer;
    private Scenario scenario;

    /**
     * The backend this scenario's hosts are on, opened on first use. Where libvirt cannot run here the scenario is
     * skipped with the reason, except under {@code CI=true}, where the libvirt scenarios are part of what must pass.
     */
    public ScenarioBackend backend() {
        if (backend == null) {
            try {
                backend = Backends.open();
            } catch (BackendUnavailableException e) {
                if ("true".equals(System.getenv("CI"))) {
                    throw e;
                }
                throw new TestAbortedException("the " + Backends.selected() + " backend cannot run here: "
                        + e.getMessage());
            }
        }
        return backend;
    }

    /** The manager's way of defining VMs (M-01 MACs, limits first), over every MAC this scenario's cluster has. */
    public VmDefiner definer() {
        if (definer == null) {
            definer = new VmDefiner(MacAllocator.rebuild(cluster(), new SeededRandom(1).split("mac"), null));
        }
        return definer;
    }

    void begin(Scenario running) {
        scenario = running;
    }

    /** A line in the scenario's report (e.g. a fact of the backend that decided a value). */
    public void note(String text) {
        if (scenario != null) {
            scenario.log(text);
        }
    }

    void end() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    public void addHost(HostSpec host) {
        hosts.add(host);
    }

    /** Replaces the named host with {@code change} applied to it. */
    public void changeHost(String name, UnaryOperator<HostSpec> change) {
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).name().equals(name)) {
                hosts.set(i, change.apply(hosts.get(i)));
                return;
            }
        }
        throw new IllegalArgumentException("the scenario has no host named " + name);
    }

    public HostSpec host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the scenario has no host named " + name));
    }

    public List<HostSpec> hosts() {
        return List.copyOf(hosts);
    }

    public void addVm(VmSpec vm) {
        vms.add(vm);
    }

    /** Replaces the named VM with {@code change} applied to it. */
    public void changeVm(String name, UnaryOperator<VmSpec> change) {
        for (int i = 0; i < vms.size(); i++) {
            if (vms.get(i).name().equals(name)) {
                vms.set(i, change.apply(vms.get(i)));
                return;
            }
        }
        throw new IllegalArgumentException("the scenario has no VM named " + name);
    }

    public VmSpec vm(String name) {
        return vms.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the scenario has no VM named " + name));
    }

    public void settings(ClusterSettings newSettings) {
        settings = newSettings;
    }

    public ClusterSettings settings() {
        return settings;
    }

    /** A specification written as YAML in the scenario, read as a user's file would be. */
    public void yaml(String text) {
        yaml = text;
    }

    public String yaml() {
        return yaml;
    }

    public ClusterSpec cluster() {
        return new ClusterSpec("scenario", settings, hosts, vms);
    }

    public void replaceVms(List<VmSpec> newVms) {
        vms.clear();
        vms.addAll(newVms);
    }

    public List<VmSpec> vms() {
        return List.copyOf(vms);
    }
}
