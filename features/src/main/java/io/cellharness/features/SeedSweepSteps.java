package io.cellharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.ha.HaSettings;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.VmSpec;
import io.cellharness.core.port.RandomSource;
import io.cellharness.core.port.SeededRandom;
import io.cellharness.sim.ha.RecoveryClock;
import io.cellharness.sim.scenario.CheckResult;
import io.cellharness.sim.scenario.FaultEntry;
import io.cellharness.sim.scenario.FaultFactory;
import io.cellharness.sim.scenario.HciClusters;
import io.cellharness.sim.scenario.RandomScenario;
import io.cellharness.sim.scenario.SimOutcome;
import io.cellharness.sim.scenario.SimRequest;
import io.cellharness.sim.scenario.SimRun;
import io.cellharness.sim.scenario.VirtualDuration;
import io.cellharness.sim.world.SimSettings;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * H-06, H-08 on many seeds: each seed is a whole simulation, and a claim holds only if it holds on every one. A
 * failing seed is named with the line that replays it.
 */
public class SeedSweepSteps {

    /** One seed's crash: which host went down when, and how its HA VMs came back. */
    private record SeededCrash(long seed, String host, long atMillis, SimOutcome outcome,
                               List<RecoveryClock.Recovery> recoveries, List<String> haVms, List<String> misplaced) {
    }

    private final List<SimOutcome> randomRuns = new ArrayList<>();
    private final List<SeededCrash> crashes = new ArrayList<>();

    @When("random fault profiles run on {int} hosts with {int} VMs for {duration}, seeds {long} to {long}")
    public void randomProfiles(int hosts, int vms, VirtualDuration duration, long from, long to) {
        for (long seed = from; seed <= to; seed++) {
            randomRuns.add(SimRun.prepare(RandomScenario.generate(seed, hosts, vms, duration.millis())).finish());
        }
    }

    @Then("on every seed every invariant and liveness check held")
    public void everySeedHeld() {
        assertThat(randomRuns).hasSizeGreaterThan(1);
        List<String> failed = new ArrayList<>();
        for (SimOutcome o : randomRuns) {
            for (CheckResult c : o.failures()) {
                failed.add("seed " + o.seed() + ": " + c.kind() + " " + c.name() + ": " + c.detail() + " (replay: ./cell sim "
                        + String.join(" ", o.replay()) + " --seed " + o.seed() + ")");
            }
        }
        assertThat(failed).as("checks that failed").isEmpty();
        // The seeds did differ: a sweep of one history many times over proves nothing.
        assertThat(randomRuns.stream().map(SimOutcome::traceSha256).distinct().count()).isEqualTo(randomRuns.size());
    }

    /**
     * Per seed: a cluster of {@code hosts} HCI hosts, each with a working BMC and room for the others' VMs, and one
     * host, drawn from the seed, crashing at a time drawn from the seed.
     */
    @When("on each seed {long} to {long} one of {int} HCI hosts with {int} HA VMs each crashes at a time drawn from the seed")
    public void seededCrashes(long from, long to, int hosts, int vmsPerHost) {
        ClusterSpec cluster = HciClusters.of(hosts, vmsPerHost);
        for (long seed = from; seed <= to; seed++) {
            RandomSource draw = new SeededRandom(seed).split("h-08 crash");
            String host = cluster.hosts().get(draw.nextInt(hosts)).name();
            long at = 10_000 + draw.nextInt(110_000);
            FaultEntry crash = new FaultEntry(new VirtualDuration(at), "host-crash", host, null, null, null, null, null,
                    null, null, null);
            SimRequest request = new SimRequest("h-08", cluster, FaultFactory.build(List.of(crash), cluster), List.of(),
                    new TreeMap<>(), at + 5 * 60_000, Limits.SIM_QUIET_PERIOD_MS, seed, HaSettings.DEFAULTS,
                    SimSettings.DEFAULTS, List.of(), List.of("h-08"));
            SimRun run = SimRun.prepare(request);
            SimOutcome outcome = run.finish();
            List<String> haVms = cluster.vms().stream().filter(v -> host.equals(v.host()) && v.ha().enabled())
                    .map(VmSpec::name).toList();
            List<String> wrong = new ArrayList<>();
            for (String vm : haVms) {
                List<String> on = List.copyOf(run.cluster().ledger().hostsOf(vm));
                if (on.size() != 1 || on.contains(host)) {
                    wrong.add(vm + " runs on " + on);
                }
            }
            crashes.add(new SeededCrash(seed, host, at, outcome,
                    run.recoveryClock().recoveries().stream().filter(r -> r.host().equals(host)).toList(), haVms, wrong));
        }
    }

    @Then("on every seed the crashed host's HA VMs ran again elsewhere, once each, within {duration} of the crash")
    public void everyCrashRecovered(VirtualDuration bound) {
        assertThat(crashes).hasSizeGreaterThan(1);
        assertThat(crashes.stream().map(SeededCrash::host).distinct().count()).as("crashed hosts across the seeds")
                .isGreaterThan(1);
        List<String> failed = new ArrayList<>();
        for (SeededCrash c : crashes) {
            String where = String.format(Locale.ROOT, "seed %d (%s crashed at %d ms)", c.seed(), c.host(), c.atMillis());
            if (c.haVms().isEmpty()) {
                failed.add(where + ": the crashed host had no HA VM");
            }
            if (c.recoveries().isEmpty()) {
                failed.add(where + ": its HA VMs never all ran again");
            } else if (c.recoveries().get(0).recoveredAfterMillis() > bound.millis()) {
                failed.add(where + ": recovered after " + c.recoveries().get(0).recoveredAfterMillis() + " ms");
            }
            c.misplaced().forEach(w -> failed.add(where + ": " + w));
            c.outcome().failures().forEach(f -> failed.add(where + ": " + f.kind() + " " + f.name() + ": " + f.detail()));
        }
        assertThat(failed).as("seeds on which H-08 failed").isEmpty();
    }
}
