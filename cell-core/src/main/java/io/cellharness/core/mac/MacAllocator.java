package io.cellharness.core.mac;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.RandomSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns and tracks the MACs of a cluster (M-01, M-02).
 *
 * <p>Assigned MACs are {@link Limits#MAC_ASSIGNED_PREFIX} followed by 24 drawn bits: locally administered and
 * unicast, so they never collide with vendor addresses. A draw that hits a MAC in use is drawn again. The allocator
 * holds no state a restart could lose: {@link #rebuild} recreates it from the specifications, which carry every
 * assigned MAC.
 */
public final class MacAllocator {

    private static final int SUFFIX_BITS = 24;
    private static final long SUFFIX_SPACE = 1L << SUFFIX_BITS;

    private final RandomSource random;
    private final Map<Long, NicRef> owners = new LinkedHashMap<>();
    private long assignedInUse;

    public MacAllocator(RandomSource random) {
        this.random = random;
    }

    /** The outcome of registering an explicit MAC. */
    public sealed interface Registration {
        record Registered(MacAddress mac) implements Registration {
        }

        /** {@code mac} is already {@code existing}'s: M-02. */
        record Duplicate(MacAddress mac, NicRef existing, NicRef rejected) implements Registration {
            public String message() {
                return "MAC " + mac + " of " + rejected + " duplicates the MAC of " + existing + " (M-02)";
            }
        }

        /** Not usable as a NIC address (multicast, or malformed). */
        record Invalid(String text, NicRef nic, String reason) implements Registration {
        }
    }

    /**
     * An allocator that knows every MAC of {@code spec}. Duplicates and invalid MACs in the spec are returned in
     * {@code problems} (when not null) and otherwise skipped; the first NIC with a MAC keeps it.
     */
    public static MacAllocator rebuild(ClusterSpec spec, RandomSource random, List<Registration> problems) {
        MacAllocator allocator = new MacAllocator(random);
        for (VmSpec vm : spec.vms()) {
            List<VmNicSpec> nics = vm.nics();
            for (int i = 0; i < nics.size(); i++) {
                String mac = nics.get(i).mac();
                if (mac == null) {
                    continue;
                }
                Registration r = allocator.register(mac, new NicRef(vm.name(), i));
                if (!(r instanceof Registration.Registered) && problems != null) {
                    problems.add(r);
                }
            }
        }
        return allocator;
    }

    /** Registers an explicit MAC for {@code nic}; a MAC another NIC holds is refused, naming both (M-02). */
    public Registration register(String text, NicRef nic) {
        MacAddress mac;
        try {
            mac = MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            return new Registration.Invalid(text, nic, e.getMessage());
        }
        if (mac.isMulticast()) {
            return new Registration.Invalid(text, nic, "'" + text + "' is a multicast address and cannot be a NIC's");
        }
        NicRef existing = owners.putIfAbsent(mac.value(), nic);
        if (existing != null) {
            return new Registration.Duplicate(mac, existing, nic);
        }
        if (isAssignedRange(mac)) {
            assignedInUse++;
        }
        return new Registration.Registered(mac);
    }

    /**
     * Assigns a fresh MAC to {@code nic} (M-01).
     *
     * @throws IllegalStateException when all 2^24 assignable addresses are in use
     */
    public MacAddress allocate(NicRef nic) {
        if (assignedInUse >= SUFFIX_SPACE) {
            throw new IllegalStateException("all " + SUFFIX_SPACE + " assignable MAC addresses are in use");
        }
        while (true) {
            long candidate = (Limits.MAC_ASSIGNED_PREFIX << SUFFIX_BITS) | (random.nextLong() & (SUFFIX_SPACE - 1));
            if (owners.putIfAbsent(candidate, nic) == null) {
                assignedInUse++;
                return new MacAddress(candidate);
            }
        }
    }

    /** Frees {@code mac}, e.g. when its VM is destroyed. Unknown MACs are ignored. */
    public void release(MacAddress mac) {
        if (owners.remove(mac.value()) != null && isAssignedRange(mac)) {
            assignedInUse--;
        }
    }

    public Optional<NicRef> owner(MacAddress mac) {
        return Optional.ofNullable(owners.get(mac.value()));
    }

    public int size() {
        return owners.size();
    }

    /** How many addresses of the manager's own range (M-01) are taken, explicit ones included: what runs out. */
    public long assignedInUse() {
        return assignedInUse;
    }

    /**
     * Gives every NIC of {@code vm} without a MAC a fresh one and returns the VM with them filled in; the NICs are
     * registered under {@code vm}'s name.
     */
    public VmSpec assignMissing(VmSpec vm) {
        List<VmNicSpec> nics = new ArrayList<>(vm.nics().size());
        for (int i = 0; i < vm.nics().size(); i++) {
            VmNicSpec nic = vm.nics().get(i);
            nics.add(nic.mac() != null ? nic : nic.withMac(allocate(new NicRef(vm.name(), i)).toString()));
        }
        return vm.withNics(nics);
    }

    private static boolean isAssignedRange(MacAddress mac) {
        return (mac.value() >>> SUFFIX_BITS) == Limits.MAC_ASSIGNED_PREFIX;
    }
}
