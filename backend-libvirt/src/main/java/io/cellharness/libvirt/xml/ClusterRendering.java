package io.cellharness.libvirt.xml;

import io.cellharness.core.cpu.EffectiveCpu;
import io.cellharness.core.cpu.GuestCpu;
import io.cellharness.core.cpu.GuestCpuResult;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.network.BridgeRef;
import io.cellharness.core.network.HostBridge;
import io.cellharness.core.network.HostNetwork;
import io.cellharness.core.network.HostSetup;
import io.cellharness.core.storage.MonitorPathSelector;
import io.cellharness.core.storage.MonitorSettings;
import io.cellharness.core.storage.Proximity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A VM of a cluster file as the libvirt backend would define it: the render context comes from the cluster, not from
 * the user. The CPU is the one the engine decides ({@link EffectiveCpu}: the baseline of the cluster's hosts
 * for {@code custom}, C-04; every VM as {@code custom} on the oldest generation with C-05); the Glue monitors are the
 * storage controllers' in the order the VM's host fails over through them (its own first, S-04), or in host order for
 * a VM placed nowhere.
 *
 * @param vm          the VM with the CPU mode it is defined with
 * @param context     the facts of the cluster the definition needs
 * @param vlanBridges N-03: the VLAN bridges the VM's NICs plug into on its host, each with the interface that carries
 *                    its tag (the 802.1Q subinterface of the guest bond); empty for a VM placed nowhere
 */
public record ClusterRendering(VmSpec vm, RenderContext context, List<HostBridge> vlanBridges) {

    public ClusterRendering {
        vlanBridges = List.copyOf(vlanBridges);
    }

    /**
     * @throws DomainXmlException with one line when the cluster cannot give what the VM needs (a custom CPU without a
     *                            baseline)
     */
    public static ClusterRendering of(ClusterSpec cluster, VmSpec vm, DomainType domainType) {
        GuestCpuResult cpu = guestCpu(cluster, vm);
        VmSpec effective = vm;
        CpuSpec custom = null;
        if (cpu instanceof GuestCpuResult.Defined defined && defined.cpu().mode() == CpuMode.CUSTOM) {
            GuestCpu g = defined.cpu();
            effective = vm.withCpuMode(CpuMode.CUSTOM);
            // The named model implies its own features; only those beyond it are required explicitly.
            custom = new CpuSpec(g.cpu().vendor(), g.cpu().model(), g.cpu().generation(), g.extraFeatures());
        } else if (vm.cpuMode() == CpuMode.CUSTOM) {
            String why = cpu instanceof GuestCpuResult.Undefined u ? u.rule() + " " + u.reason()
                    : "C-04 no host of the cluster describes its CPU, so there is no baseline for cpuMode custom";
            throw new DomainXmlException("VM '" + vm.name() + "': " + why);
        }
        RenderContext context = RenderContext.kvm().withDomainType(domainType).withGlue(monitors(cluster, vm), null)
                .withCustomCpu(custom);
        return new ClusterRendering(effective, context, vlanBridges(cluster, vm));
    }

    /**
     * The domain XML; for a VM on VLANs its first lines are comments naming the interface that carries each tag
     * (N-03), which the host sets up, not libvirt (libvirt ignores comments).
     */
    public String xml() {
        String xml = DomainXmlRenderer.render(vm, context);
        if (vlanBridges.isEmpty()) {
            return xml;
        }
        int afterRoot = xml.indexOf('\n') + 1;
        StringBuilder sb = new StringBuilder(xml.substring(0, afterRoot));
        for (HostBridge bridge : vlanBridges) {
            sb.append("  <!-- N-03 on ").append(vm.host()).append(": ").append(bridge.describe()).append(" -->\n");
        }
        return sb.append(xml.substring(afterRoot)).toString();
    }

    private static List<HostBridge> vlanBridges(ClusterSpec cluster, VmSpec vm) {
        Optional<HostSpec> host = vm.host() == null ? Optional.empty() : cluster.host(vm.host());
        if (host.isEmpty() || !(HostNetwork.configure(host.get(), host.get().switchSupportsLacp())
                instanceof HostSetup.Configured configured)) {
            return List.of();
        }
        java.util.TreeMap<String, HostBridge> bridges = new java.util.TreeMap<>();
        for (VmNicSpec nic : vm.nics()) {
            if (nic.vlan() != null) {
                try {
                    HostBridge b = configured.network().bridge(BridgeRef.of(nic));
                    bridges.put(b.name(), b);
                } catch (IllegalArgumentException e) {
                    // validation names a NIC on no bridge; nothing to say about its uplink
                }
            }
        }
        return List.copyOf(bridges.values());
    }

    private static GuestCpuResult guestCpu(ClusterSpec cluster, VmSpec vm) {
        if (vm.host() != null) {
            return EffectiveCpu.of(vm, cluster);
        }
        // Placed nowhere: custom and C-05 CPUs do not depend on the host; any described host will do.
        Optional<HostSpec> described = cluster.hosts().stream().filter(h -> h.cpu() != null).findFirst();
        return described.map(h -> EffectiveCpu.of(vm.cpuMode(), h.name(), cluster)).orElse(null);
    }

    private static List<String> monitors(ClusterSpec cluster, VmSpec vm) {
        List<String> hostOrder = new ArrayList<>();
        for (HostSpec h : cluster.hosts()) {
            if (h.storageController() != null && h.storageController().runsMonitor()) {
                hostOrder.add(h.name());
            }
        }
        if (vm.host() != null && cluster.host(vm.host()).isPresent()) {
            MonitorPathSelector selector = new MonitorPathSelector(() -> 0L, MonitorSettings.DEFAULTS,
                    Proximity.UNIFORM, change -> { });
            selector.registerCluster(cluster.withVms(List.of()));
            hostOrder = selector.monitorOrder(vm.host());
        }
        List<String> monitors = new ArrayList<>();
        for (String host : hostOrder) {
            String monitor = cluster.host(host).orElseThrow().storageController().monitor();
            if (monitor != null) {
                monitors.add(monitor);
            }
        }
        return monitors;
    }
}
