package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.DiskSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageControllerSpec;
import io.cellharness.core.model.StorageType;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.storage.DiskFormat;
import io.cellharness.core.storage.DiskSource;
import io.cellharness.core.storage.DiskSources;
import io.cellharness.core.storage.InvalidVolumeException;
import io.cellharness.core.storage.IoPath;
import io.cellharness.core.storage.MonitorPathSelector;
import io.cellharness.core.storage.MonitorSettings;
import io.cellharness.core.storage.PathChange;
import io.cucumber.java.DataTableType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Storage (S-01 … S-04, S-07) through {@link DiskSources} and {@link MonitorPathSelector}: how each storage type
 * reaches a VM, and which Glue monitor a host's I/O uses when everything answers. Failover over time (S-05 … S-09)
 * needs the simulator's clock and lives with the simulator scenarios.
 */
public class StorageSteps {

    private final ScenarioWorld world;
    private DiskSource source;
    private InvalidVolumeException refusal;
    private final Map<String, Long> distances = new TreeMap<>();
    private MonitorPathSelector selector;
    private final List<PathChange> changes = new ArrayList<>();
    private MonitorSettings settings;
    private IllegalArgumentException settingsRefusal;

    public StorageSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** A disk of a table: {@code | storage | volume |}. */
    public record DiskRow(String storage, String volume) {
    }

    @DataTableType
    public DiskRow diskRow(Map<String, String> row) {
        return new DiskRow(row.get("storage"), row.get("volume"));
    }

    // ---- S-01, S-02: disk sources ----

    @When("a {storageType} disk with volume {string} is read")
    public void read(StorageType storage, String volume) {
        source = null;
        refusal = null;
        try {
            source = DiskSources.parse("app disk 0", storage, volume);
        } catch (InvalidVolumeException e) {
            refusal = e;
        }
    }

    @Then("its source is {string}")
    public void sourceIs(String description) {
        assertThat(refusal).as("refusal").isNull();
        assertThat(source.describe()).isEqualTo(description);
    }

    @Then("it reaches the VM as a raw block device")
    public void raw() {
        assertThat(source.format()).isEqualTo(DiskFormat.RAW);
        assertThat(source.format().formatName()).isEqualTo("raw");
    }

    @Then("the volume is refused: {string}")
    public void volumeRefused(String text) {
        assertThat(refusal).as("refusal of the volume").isNotNull();
        assertThat(refusal.getMessage()).contains(text).doesNotContain("\n");
    }

    @Given("the VM {string} has the disks:")
    public void disks(String vm, List<DiskRow> rows) {
        world.changeVm(vm, v -> {
            List<DiskSpec> disks = new ArrayList<>(v.disks());
            for (DiskRow row : rows) {
                disks.add(new DiskSpec(DiskBus.VIRTIO_BLK, StorageType.fromYaml(row.storage()), row.volume(),
                        Size.ofGiB(10)));
            }
            return v.withDisks(disks);
        });
    }

    @Then("every disk of {string} reaches it as a raw block device")
    public void everyDiskRaw(String vm) {
        VmSpec spec = world.vm(vm);
        assertThat(spec.disks()).isNotEmpty();
        for (int d = 0; d < spec.disks().size(); d++) {
            DiskSource disk = DiskSources.of(vm + " disk " + d, spec.disks().get(d));
            assertThat(disk.format()).as(disk.describe()).isEqualTo(DiskFormat.RAW);
            assertThat(disk.describe()).endsWith(", format raw");
        }
    }

    // ---- S-04: the Glue I/O path ----

    @Given("the HCI hosts {string}, each with a storage controller")
    public void hciHosts(String names) {
        for (String name : CpuSteps.names(names)) {
            world.addHost(new HostSpec(name, CpuSteps.HOST_CORES, CpuSteps.HOST_MEMORY, null, null, null,
                    new StorageControllerSpec(name + ":6789"), null, null));
        }
    }

    @Given("the HCI hosts {string}, each with a storage controller that runs no monitor")
    public void hciHostsWithoutMonitor(String names) {
        for (String name : CpuSteps.names(names)) {
            world.addHost(new HostSpec(name, CpuSteps.HOST_CORES, CpuSteps.HOST_MEMORY, null, null, null,
                    StorageControllerSpec.WITHOUT_MONITOR, null, null));
        }
    }

    /** S-04: a matrix of distances, one row per host it is measured from, one column per monitor host. */
    @Given("the network distances between the hosts are:")
    public void distances(List<Map<String, String>> rows) {
        for (Map<String, String> row : rows) {
            String from = row.get("from");
            for (Map.Entry<String, String> cell : new java.util.TreeMap<>(row).entrySet()) {
                if (!cell.getKey().equals("from")) {
                    distances.put(from + " " + cell.getKey(), Long.parseLong(cell.getValue().trim()));
                }
            }
        }
    }

    @Given("a compute host {string} without a storage controller")
    public void computeHost(String name) {
        world.addHost(new HostSpec(name, CpuSteps.HOST_CORES, CpuSteps.HOST_MEMORY, null, null, null, null, null, null));
    }

    @Given("a VM {string} with a Glue disk placed on {string}")
    public void glueVm(String name, String host) {
        world.addVm(SpecSteps.plainVm(name, Size.ofGiB(4), 2).withDisks(List.of(new DiskSpec(DiskBus.VIRTIO_BLK,
                StorageType.GLUE_RBD, "rbd/" + name + "-root", Size.ofGiB(20)))).withHost(host));
    }

    @Given("the network distance from {string} to {string} is {long}")
    public void distance(String from, String to, long distance) {
        distances.put(from + " " + to, distance);
    }

    /** The selector as it starts: every registered monitor presumed answering, virtual time zero. */
    @When("the Glue I\\/O paths are chosen")
    public void choose() {
        selector = new MonitorPathSelector(() -> 0L, MonitorSettings.DEFAULTS,
                (from, monitor) -> distances.getOrDefault(from + " " + monitor, 0L), changes::add);
        selector.registerCluster(world.cluster());
    }

    @Then("the Glue I\\/O of {string} goes through the monitor on {string}")
    public void hostPath(String host, String monitor) {
        assertThat(selector.path(host)).isEqualTo(IoPath.via(monitor));
    }

    @Then("the I\\/O of the VM {string} goes through the monitor on {string}")
    public void vmPath(String vm, String monitor) {
        assertThat(selector.pathOf(vm)).isEqualTo(IoPath.via(monitor));
    }

    @Then("the monitors {string} would fail over to are, nearest first, {string}")
    public void order(String host, String monitors) {
        assertThat(selector.monitorOrder(host)).containsExactlyElementsOf(CpuSteps.names(monitors));
    }

    // ---- S-07: monitor health settings ----

    @When("monitor health is set to a probe period of {long} ms, {int} misses, a probe timeout of {long} ms, a damping window of {long} ms and holds from {long} ms up to {long} ms")
    public void settings(long period, int misses, long timeout, long window, long firstHold, long maxHold) {
        settings = null;
        settingsRefusal = null;
        try {
            settings = new MonitorSettings(period, misses, timeout, window, firstHold, maxHold);
        } catch (IllegalArgumentException e) {
            settingsRefusal = e;
        }
    }

    @Then("the settings are refused: {string}")
    public void settingsRefused(String text) {
        assertThat(settingsRefusal).as("refusal").isNotNull();
        assertThat(settingsRefusal.getMessage()).contains(text).doesNotContain("\n");
    }

    @Then("the settings are accepted, a failover stalling I\\/O for less than {long} ms")
    public void settingsAccepted(long bound) {
        assertThat(settingsRefusal).as("refusal").isNull();
        assertThat(settings.stallBoundMillis()).isEqualTo(bound);
    }
}
