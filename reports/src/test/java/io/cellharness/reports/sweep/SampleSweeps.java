package io.cellharness.reports.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Sweeps shaped like what the simulator's seed sweep produces. */
final class SampleSweeps {

    private SampleSweeps() {
    }

    /** 1,000 seeds, 400 recoveries around 40 s with a slow tail, seven failures under five seeds. */
    static SweepReport hostCrashSweep() {
        Random random = new Random(42);
        List<Long> recoveries = new ArrayList<>();
        for (int i = 0; i < 396; i++) {
            recoveries.add(32_000 + (long) (Math.abs(random.nextGaussian()) * 9_000) + random.nextInt(4_000));
        }
        recoveries.addAll(List.of(88_500L, 95_250L, 97_000L, 121_400L));
        List<SeedFailure> failures = List.of(
                failure(17, "H-06 one running copy", "vm-12 ran on host-2 and host-3 at 41.2s"),
                failure(17, "H-08 HA VMs run again", "vm-12 not running 180s after the crash"),
                failure(230, "H-08 HA VMs run again", "vm-3 not running 180s after the crash"),
                failure(511, "S-09 no flapping", "vm-7 failed over 3 times in 20s"),
                failure(742, "H-06 one running copy", "vm-31 ran on host-1 and host-4 at 12.7s"),
                failure(742, "G-05 one copy after migration", "vm-31 had 2 running copies after host-1 failed"),
                failure(901, "H-08 HA VMs run again", "vm-19 not running 180s after the crash"));
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("Scenario", "examples/failover/host-crash.yaml");
        summary.put("Events", "48,213,977");
        return new SweepReport("host crash, 4 hosts, 40 VMs", "1..1000", 1000, 754_300, failures, recoveries, summary);
    }

    static SeedFailure failure(long seed, String invariant, String description) {
        return new SeedFailure(seed, invariant, description,
                "./cell sim --seed " + seed + " --scenario examples/failover/host-crash.yaml");
    }
}
