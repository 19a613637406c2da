package io.cellharness.core.cpu;

import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.CpuSpec;
import java.util.List;

/**
 * The CPU a VM gets on a host, as the libvirt domain XML will state it.
 *
 * @param mode          the {@code <cpu mode=...>} to render: the VM's own mode, or {@code custom} when the cluster
 *                      pins every VM to its oldest generation (C-05)
 * @param cpu           what the guest sees: vendor, model and every feature flag
 * @param extraFeatures for {@code custom}: the features to require beyond the named model's
 *                      ({@code <feature policy='require'>}); for host-model: what the host adds to its model
 * @param rule          the catalogue rule that decided it: C-02, C-03, C-04 or C-05
 * @param explanation   one line saying why, for reports and the CLI
 */
public record GuestCpu(CpuMode mode, CpuSpec cpu, List<String> extraFeatures, String rule, String explanation) {

    public GuestCpu {
        extraFeatures = List.copyOf(extraFeatures);
    }
}
