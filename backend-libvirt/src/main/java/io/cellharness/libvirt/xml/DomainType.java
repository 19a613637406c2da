package io.cellharness.libvirt.xml;

import java.util.Locale;

/** The libvirt domain type: {@code kvm} on Cell hosts, {@code qemu} (TCG) where there is no /dev/kvm. */
public enum DomainType {
    KVM,
    QEMU;

    /** The spelling in {@code <domain type='...'>}. */
    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DomainType fromXml(String text) {
        for (DomainType t : values()) {
            if (t.xmlName().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("domain type '" + text + "' is not kvm or qemu");
    }
}
