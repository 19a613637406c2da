package io.cellharness.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.storage.DiskSource;
import io.cellharness.core.storage.DiskSources;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DomainXmlRoundTripTest {

    @Property(tries = 200)
    void renderThenParseGivesTheSameVm(@ForAll("cases") RenderCase c) {
        String xml = DomainXmlRenderer.render(c.vm(), c.context());
        ParsedDomain parsed = DomainXmlParser.parse(xml);

        assertThat(parsed.vm()).isEqualTo(c.vm());
        assertThat(parsed.domainType()).isEqualTo(c.context().domainType());
        assertThat(parsed.machine()).isEqualTo(DomainXmlRenderer.machineFor(c.vm(), c.context()));
        assertThat(parsed.customCpu()).isEqualTo(c.vm().cpuMode() == CpuMode.CUSTOM
                ? DomainXmlRenderer.effectiveCustomCpu(c.vm(), c.context()) : null);
        assertThat(parsed.glueMonitors()).isEqualTo(uses(c, StorageType.GLUE_RBD) ? c.context().glueMonitors() : List.of());
        assertThat(parsed.iscsiPortal()).isEqualTo(firstIscsiPortal(c));
    }

    @Property(tries = 100)
    void renderingIsStable(@ForAll("cases") RenderCase c) {
        assertThat(DomainXmlRenderer.render(c.vm(), c.context())).isEqualTo(DomainXmlRenderer.render(c.vm(), c.context()));
    }

    /** The portal of the first iSCSI disk: the one its volume names, else the context's. */
    private static String firstIscsiPortal(RenderCase c) {
        for (int i = 0; i < c.vm().disks().size(); i++) {
            DiskSpec d = c.vm().disks().get(i);
            if (d.storage() == StorageType.ISCSI) {
                DiskSource.Network n = (DiskSource.Network) DiskSources.of("d", d);
                return n.hosts().isEmpty() ? c.context().iscsiPortal()
                        : new Endpoint(n.hosts().get(0).name(), n.hosts().get(0).port()).toString();
            }
        }
        return null;
    }

    private static boolean uses(RenderCase c, StorageType type) {
        return c.vm().disks().stream().map(DiskSpec::storage).anyMatch(type::equals);
    }

    @Provide
    Arbitrary<RenderCase> cases() {
        return RenderCase.cases();
    }
}
