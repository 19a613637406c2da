package io.cellharness.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.libvirt.connect.LibvirtCallException;
import io.cellharness.libvirt.connect.LibvirtConnection;
import io.cellharness.libvirt.connect.LibvirtDirectCalls;
import io.cellharness.libvirt.connect.LibvirtSettings;
import io.cellharness.libvirt.xml.DomainXmlParser;
import io.cellharness.libvirt.xml.DomainXmlRenderer;
import io.cellharness.libvirt.xml.RenderCase;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.libvirt.LibvirtException;

/**
 * Every VM within the documented limits renders to XML that libvirt 9.0's own schema and parser accept (S-01 "each
 * renders a valid disk source", S-02, S-03, N-03, T-01), and that libvirt hands back in a form we read as the same VM.
 */
class DomainSchemaTest {

    private static LibvirtConnection connection;

    @BeforeContainer
    static void open() {
        connection = new LibvirtConnection("test:///default", LibvirtSettings.DEFAULTS);
    }

    @AfterContainer
    static void close() {
        connection.close();
    }

    @Property(tries = 60)
    void libvirtAcceptsEveryRenderedVmAndGivesItBack(@ForAll("cases") RenderCase c)
            throws LibvirtException, LibvirtCallException {
        LibvirtConnection.Handle h = connection.handle();
        LibvirtDirectCalls.defineValidated(h, DomainXmlRenderer.render(c.vm(), c.context()));
        try {
            String back = h.connect().domainLookupByName(c.vm().name()).getXMLDesc(0);
            VmSpec parsed = DomainXmlParser.parse(back).vm();
            // libvirt gives a NIC without a MAC one of its own (52:54:00:...); the manager assigns them before (M-01).
            List<VmNicSpec> expectedNics = new ArrayList<>();
            for (int i = 0; i < c.vm().nics().size(); i++) {
                VmNicSpec nic = c.vm().nics().get(i);
                if (nic.mac() == null) {
                    assertThat(parsed.nics().get(i).mac()).startsWith("52:54:00:");
                    nic = nic.withMac(parsed.nics().get(i).mac());
                }
                expectedNics.add(nic);
            }
            assertThat(parsed).isEqualTo(c.vm().withNics(expectedNics));
        } finally {
            h.connect().domainLookupByName(c.vm().name()).undefine();
        }
    }

    @Provide
    Arbitrary<RenderCase> cases() {
        return RenderCase.cases();
    }
}
