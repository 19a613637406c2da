package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecFormatException;
import io.cellharness.libvirt.xml.ClusterRendering;
import io.cellharness.libvirt.xml.DomainType;
import io.cellharness.libvirt.xml.DomainXmlException;
import io.cellharness.libvirt.xml.DomainXmlParser;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code cell render} makes of a VM of a cluster file (A-02, N-01): the domain XML the libvirt backend would define,
 * and what the backend's parser makes of domain XML read back from libvirt.
 */
public class RenderSteps {

    private final ScenarioWorld world;
    private String xml;

    public RenderSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("the VM {string} of the specification is rendered as libvirt domain XML")
    public void render(String vm) throws SpecFormatException {
        ClusterSpec cluster = SpecCodec.readCluster(world.yaml(), "scenario.yaml");
        xml = ClusterRendering.of(cluster, cluster.vm(vm).orElseThrow(), DomainType.KVM).xml();
    }

    /** N-01: every interface is {@code type='bridge'} and none is an Open vSwitch (or other) virtualport. */
    @Then("every interface of the rendered domain is a Linux bridge port, without a virtualport")
    public void linuxBridgePorts() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList interfaces = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("interface");
        assertThat(interfaces.getLength()).as("interfaces").isPositive();
        for (int i = 0; i < interfaces.getLength(); i++) {
            Element iface = (Element) interfaces.item(i);
            assertThat(iface.getAttribute("type")).as("type of interface %d", i).isEqualTo("bridge");
            assertThat(iface.getElementsByTagName("virtualport").getLength()).as("virtualports of interface %d", i)
                    .isZero();
        }
    }

    @Then("the rendered domain reads back with its NICs on {string}")
    public void readsBack(String bridges) {
        List<String> actual = new ArrayList<>();
        for (VmNicSpec nic : DomainXmlParser.parse(xml).vm().nics()) {
            actual.add(nic.bridge());
        }
        assertThat(actual).containsExactlyElementsOf(CpuSteps.names(bridges));
    }

    @When("the first interface of the rendered domain becomes an Open vSwitch port")
    public void openVswitch() {
        String opening = "<interface type=\"bridge\">";
        assertThat(xml).contains(opening);
        xml = xml.replaceFirst(java.util.regex.Pattern.quote(opening),
                opening + "<virtualport type=\"openvswitch\"/>");
    }

    @Then("reading the rendered domain back is refused: {string}")
    public void refused(String message) {
        assertThatThrownBy(() -> DomainXmlParser.parse(xml)).isInstanceOf(DomainXmlException.class)
                .hasMessageContaining(message);
    }
}
