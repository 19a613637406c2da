package io.cellharness.core.provision;

import io.cellharness.core.mac.MacAddress;
import io.cellharness.core.mac.MacAllocator;
import io.cellharness.core.mac.NicRef;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.Hypervisor;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.validation.Problem;
import io.cellharness.core.validation.SpecValidator;
import io.cellharness.core.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Defines VMs on hosts' hypervisors as the manager does, in one place for every backend:
 *
 * <ol>
 *   <li>the VM rules ({@link SpecValidator#validateVm}: L-01 … L-04, volumes in their storage type's form, A-02) are
 *       checked first; a VM that breaks one is refused with every broken rule, and the hypervisor is never called;</li>
 *   <li>explicit MACs are registered with the cluster's allocator (a duplicate is refused, M-02), and every NIC without
 *       a MAC is given one (M-01), so the hypervisor never invents one;</li>
 *   <li>the hypervisor defines the VM. A definite failure gives the MACs assigned here back; an unknown outcome keeps
 *       them, since the VM may have been defined with them.</li>
 * </ol>
 *
 * <p>Single-threaded like the rest of the engine: call it on the engine's thread.
 */
public final class VmDefiner {

    private final MacAllocator macs;

    /** @param macs the cluster's MAC allocator, which knows every MAC in use (rebuilt from the specifications) */
    public VmDefiner(MacAllocator macs) {
        this.macs = macs;
    }

    /**
     * Checks {@code vm}, completes its MACs and defines it on {@code hypervisor}.
     *
     * @return the VM as defined (every NIC with its MAC); failed without calling the hypervisor when a rule is broken
     */
    public CompletionStage<OpResult<VmSpec>> define(Hypervisor hypervisor, VmSpec vm) {
        ValidationReport report = SpecValidator.validateVm(vm);
        if (!report.valid()) {
            return CompletableFuture.completedFuture(OpResult.failed(refusal(vm, report.errors().stream()
                    .map(Problem::oneLine).collect(Collectors.joining("; ")))));
        }
        List<VmNicSpec> nics = new ArrayList<>(vm.nics().size());
        List<MacAddress> assigned = new ArrayList<>();
        for (int i = 0; i < vm.nics().size(); i++) {
            VmNicSpec nic = vm.nics().get(i);
            NicRef ref = new NicRef(vm.name(), i);
            if (nic.mac() == null) {
                MacAddress mac = macs.allocate(ref);
                assigned.add(mac);
                nics.add(nic.withMac(mac.toString()));
                continue;
            }
            MacAllocator.Registration r = macs.register(nic.mac(), ref);
            if (r instanceof MacAllocator.Registration.Duplicate d && !d.existing().equals(ref)) {
                assigned.forEach(macs::release);
                return CompletableFuture.completedFuture(OpResult.failed(refusal(vm, d.message())));
            }
            if (r instanceof MacAllocator.Registration.Invalid invalid) {
                assigned.forEach(macs::release);
                return CompletableFuture.completedFuture(OpResult.failed(refusal(vm, "M-01 nics[" + i + "].mac = "
                        + invalid.text() + ": " + invalid.reason())));
            }
            nics.add(nic);
        }
        VmSpec complete = vm.withNics(nics);
        return hypervisor.define(complete).thenApply(result -> {
            if (result instanceof OpResult.Failed<Void>) {
                assigned.forEach(macs::release);
            }
            return result.map(v -> complete);
        });
    }

    private static String refusal(VmSpec vm, String why) {
        return "VM '" + vm.name() + "' not defined: " + why;
    }
}
