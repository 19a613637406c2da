package io.cellharness.core.host;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * which kind of guests a cluster's hosts run, as every report states it: {@code kvm} (hardware-assisted, the
 * product) or {@code qemu} (TCG emulation, a host without {@code /dev/kvm}: a test lab, not production).
 */
public final class GuestVirtualisation {

    /** how reports name hardware-assisted guests. */
    public static final String KVM = "kvm";
    /** how reports name emulated guests. */
    public static final String QEMU_TCG = "qemu (TCG)";

    private GuestVirtualisation() {
    }

    /** The guests of {@code host}: {@link #KVM} or {@link #QEMU_TCG}. */
    public static String of(HostSpec host) {
        return host.hasKvm() ? KVM : QEMU_TCG;
    }

    /**
     * The guests of a cluster in one phrase: {@code kvm} when every host has hardware virtualisation, {@code qemu
     * (TCG)} when none has, else {@code kvm; qemu (TCG) on cube2, cube3}.
     */
    public static String of(ClusterSpec cluster) {
        List<String> tcg = new ArrayList<>();
        for (HostSpec host : cluster.hosts()) {
            if (!host.hasKvm()) {
                tcg.add(host.name());
            }
        }
        if (tcg.isEmpty()) {
            return KVM;
        }
        if (tcg.size() == cluster.hosts().size()) {
            return QEMU_TCG;
        }
        return KVM + "; " + QEMU_TCG + " on " + String.join(", ", tcg);
    }
}
