package io.cellharness.core.network;

/** Something that sends or receives frames: a host's own address on one of its bridges, or a VM NIC. */
public sealed interface Endpoint {

    /**
     * A host's address on a bridge: its management address on {@code br-MGMT}, its cloud0 address, ...
     *
     * @param bridge bridge name, e.g. {@code br-MGMT}, {@code cloud0}, {@code br-VM.101}
     */
    record HostAddress(String host, String bridge) implements Endpoint {
        @Override
        public String toString() {
            return "host " + host + " on " + bridge;
        }
    }

    /** The port of a VM's NIC, wherever the VM runs. */
    record VmNic(String vm, int nic) implements Endpoint {
        @Override
        public String toString() {
            return "VM " + vm + " NIC " + nic;
        }
    }

    static Endpoint host(String host, String bridge) {
        return new HostAddress(host, bridge);
    }

    static Endpoint vm(String vm, int nic) {
        return new VmNic(vm, nic);
    }
}
