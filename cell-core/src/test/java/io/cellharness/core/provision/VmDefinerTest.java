package io.cellharness.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.mac.MacAddress;
import io.cellharness.core.mac.MacAllocator;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmNicSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.FakeHypervisor;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.SeededRandom;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmDefinerTest {

    private final MacAllocator macs = new MacAllocator(new SeededRandom(3).split("mac"));
    private final VmDefiner definer = new VmDefiner(macs);
    private final FakeHypervisor cube1 = new FakeHypervisor("cube1");

    private static VmSpec vm(String name) {
        return VmSpec.of(name, Size.ofGiB(4), 2);
    }

    private OpResult<VmSpec> define(VmSpec vm) {
        return definer.define(cube1, vm).toCompletableFuture().join();
    }

    @Test
    void aVmBeyondALimitNeverReachesTheHypervisorAndEveryBrokenRuleIsNamed() { // L-01, L-02, L-03
        VmSpec huge = VmSpec.of("huge", Size.ofTiB(17), 711)
                .withNics(Collections.nCopies(9, new VmNicSpec(null, null, null, null)));

        OpResult<VmSpec> r = define(huge);

        assertThat(r).isInstanceOf(OpResult.Failed.class);
        assertThat(r.reason()).startsWith("VM 'huge' not defined: ")
                .contains("L-01 vm.memory = 17TiB (limit 16TiB)")
                .contains("L-02 vm.vcpus = 711 (limit 710)")
                .contains("L-03 vm.nics = 9 (limit 8)")
                .doesNotContain("\n");
        assertThat(cube1.calls()).isEmpty();
        assertThat(macs.size()).as("no MAC spent on a refused VM").isZero();
    }

    @Test
    void theLargestAllowedVmIsDefinedAsItIs() { // L-01, L-02
        VmSpec largest = VmSpec.of("largest", Size.ofBytes(Limits.VM_MAX_MEMORY_BYTES), Limits.VM_MAX_VCPUS);

        assertThat(define(largest).value()).isEqualTo(largest);
        assertThat(cube1.defined()).containsEntry("largest", largest);
    }

    @Test
    void nicsWithoutAMacGetOneBeforeTheHypervisorSeesThem() { // M-01
        VmSpec web = vm("web").withNics(List.of(new VmNicSpec(null, null, 101, null),
                new VmNicSpec("02:00:00:00:00:07", null, null, null)));

        VmSpec defined = define(web).value();

        MacAddress assigned = MacAddress.parse(defined.nics().get(0).mac());
        assertThat(assigned.isLocallyAdministered()).isTrue();
        assertThat(assigned.value() >>> 24).isEqualTo(Limits.MAC_ASSIGNED_PREFIX);
        assertThat(defined.nics().get(1).mac()).isEqualTo("02:00:00:00:00:07");
        assertThat(cube1.defined().get("web")).isEqualTo(defined);
        assertThat(macs.owner(assigned)).isPresent();
    }

    @Test
    void aMacAnotherNicHoldsIsRefusedNamingBoth() { // M-02
        define(vm("web").withNics(List.of(new VmNicSpec("02:00:00:00:00:07", null, null, null))));

        OpResult<VmSpec> r = define(vm("db").withNics(List.of(new VmNicSpec("02:00:00:00:00:07", null, null, null))));

        assertThat(r.reason()).contains("db.nics[0]").contains("web.nics[0]").contains("M-02");
        assertThat(cube1.calls()).containsExactly("define web");
    }

    @Test
    void redefiningAVmKeepsItsOwnMac() {
        VmSpec first = define(vm("web").withNics(List.of(new VmNicSpec(null, null, null, null)))).value();

        assertThat(define(first).value()).isEqualTo(first);
    }

    @Test
    void aDefiniteFailureGivesTheAssignedMacsBackAnUnknownOneKeepsThem() {
        cube1.answerNextDefine(OpResult.failed("refused"));
        OpResult<VmSpec> failed = define(vm("a").withNics(List.of(new VmNicSpec(null, null, null, null))));
        assertThat(failed).isInstanceOf(OpResult.Failed.class);
        assertThat(macs.size()).isZero();

        cube1.answerNextDefine(OpResult.unknown("timeout"));
        OpResult<VmSpec> unknown = define(vm("b").withNics(List.of(new VmNicSpec(null, null, null, null))));
        assertThat(unknown).isInstanceOf(OpResult.Unknown.class);
        assertThat(macs.size()).as("b may be defined with its MAC").isEqualTo(1);
    }
}
