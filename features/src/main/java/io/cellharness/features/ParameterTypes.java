package io.cellharness.features;

import io.cellharness.core.model.BondMode;
import io.cellharness.core.model.CpuMode;
import io.cellharness.core.model.DiskBus;
import io.cellharness.core.model.NicModel;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.StorageType;
import io.cucumber.java.ParameterType;

/** The documentation's vocabulary as Cucumber parameter types. */
public class ParameterTypes {

    /** {@code 16 TiB}, {@code 512MiB}, {@code 16 TiB + 1 MiB}. */
    @ParameterType("\\d+(?:\\.\\d+)?\\s?(?:B|KiB|MiB|GiB|TiB)(?:\\s?\\+\\s?\\d+\\s?(?:B|KiB|MiB|GiB|TiB))*")
    public Size size(String text) {
        Size total = Size.ofBytes(0);
        for (String part : text.split("\\+")) {
            total = total.plus(Size.parse(part.trim()));
        }
        return total;
    }

    @ParameterType("custom|host-model|host-passthrough")
    public CpuMode cpuMode(String text) {
        return CpuMode.fromYaml(text);
    }

    @ParameterType("virtio-blk|virtio-scsi|ide")
    public DiskBus diskBus(String text) {
        return DiskBus.fromYaml(text);
    }

    @ParameterType("virtio|e1000|passthrough")
    public NicModel nicModel(String text) {
        return NicModel.fromYaml(text);
    }

    @ParameterType("round-robin|active-backup|balance-xor|broadcast|802\\.3ad")
    public BondMode bondMode(String text) {
        return BondMode.fromYaml(text);
    }

    /** S-01: the storage types by their specification spelling. */
    @ParameterType("iscsi|nvme-of|nfs|smb|fc|powerflex|primera|pure|linstor|glue-rbd|local")
    public StorageType storageType(String text) {
        return StorageType.fromYaml(text);
    }

    /** A switch of the documentation: {@code on} or {@code off}. */
    @ParameterType("on|off")
    public boolean onOff(String text) {
        return text.equals("on");
    }
}
