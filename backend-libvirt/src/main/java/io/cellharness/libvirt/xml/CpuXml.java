package io.cellharness.libvirt.xml;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * A {@link CpuSpec} as libvirt writes CPUs: the guest form ({@code <cpu mode='custom'>}, for domain definitions and
 * {@code virConnectCompareCPU}) and the host form ({@code <cpu><arch>...}, as in capabilities, for
 * {@code virConnectBaselineCPU}).
 */
public final class CpuXml {

    /** The only guest architecture Cell hosts run (A-01: KVM on x86-64). */
    public static final String ARCH = "x86_64";

    private CpuXml() {
    }

    /**
     * The guest form: {@code custom} mode, the exact model with {@code fallback='forbid'} (never silently another
     * model), every feature required (C-04).
     */
    public static XmlElement guest(CpuSpec cpu) {
        XmlElement e = XmlElement.of("cpu").attr("mode", "custom").attr("match", "exact");
        e.child("model").attr("fallback", "forbid").text(cpu.model());
        if (cpu.vendor() != null) {
            e.textChild("vendor", vendorName(cpu.vendor()));
        }
        for (String feature : cpu.features()) {
            e.child("feature").attr("policy", "require").attr("name", feature);
        }
        return e;
    }

    /** The host form, as libvirt's capabilities describe a host CPU. */
    public static XmlElement host(CpuSpec cpu) {
        XmlElement e = XmlElement.of("cpu");
        e.textChild("arch", ARCH);
        e.textChild("model", cpu.model());
        if (cpu.vendor() != null) {
            e.textChild("vendor", vendorName(cpu.vendor()));
        }
        for (String feature : cpu.features()) {
            e.child("feature").attr("name", feature);
        }
        return e;
    }

    /**
     * Reads a {@code <cpu>} element of either form. Disabled and forbidden features are not features of the CPU; a
     * CPU without a model reads its architecture as the model (libvirt's test driver names none).
     */
    public static CpuSpec read(Element cpu) {
        Element model = DomXml.firstChild(cpu, "model");
        Element vendorElement = DomXml.firstChild(cpu, "vendor");
        CpuVendor vendor = vendorElement == null ? null : vendorOf(vendorElement.getTextContent().trim());
        String modelName = model != null ? model.getTextContent().trim() : DomXml.childText(cpu, "arch");
        List<String> features = new ArrayList<>();
        for (Element f : DomXml.children(cpu, "feature")) {
            String policy = f.getAttribute("policy");
            if (policy.isEmpty() || policy.equals("require") || policy.equals("force")) {
                features.add(f.getAttribute("name"));
            }
        }
        return new CpuSpec(vendor, modelName, CpuGenerations.of(vendor, modelName), features);
    }

    public static String vendorName(CpuVendor vendor) {
        return switch (vendor) {
            case INTEL -> "Intel";
            case AMD -> "AMD";
            case ARM -> "ARM";
        };
    }

    /** libvirt's vendor spelling to ours; null for a vendor Cell does not know. */
    public static CpuVendor vendorOf(String libvirtName) {
        return switch (libvirtName) {
            case "Intel" -> CpuVendor.INTEL;
            case "AMD" -> CpuVendor.AMD;
            case "ARM" -> CpuVendor.ARM;
            default -> null;
        };
    }
}
