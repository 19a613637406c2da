package io.cellharness.sim.scenario;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaPolicy;
import io.cellharness.sim.ha.HaEvents;
import io.cellharness.sim.ha.RecoveryClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What one HA policy did with one scenario and seed: the hosts it fenced and how, the power commands it sent, how long
 * the HA VMs of each failed host took to run again, which never did, the invariants and expectations that broke, and
 * where each host's HA state ended (in the policy's own words). {@code cell sim --compare-policies} prints two of
 * these side by side; {@code cell field-table} turns them into the gallery's verdicts.
 *
 * @param policy          the policy
 * @param outcome         the run's outcome
 * @param fenced          host to the channels it was declared fenced through, in order
 * @param fencedAt        host to when it was first declared fenced
 * @param powerCommands   power commands (off or reset) sent to BMCs
 * @param recoveryMillis  per failed host whose HA VMs all ran again: how long it took
 * @param unrecovered     hosts whose HA VMs had not all run again when the faults healed (or at the end)
 * @param statesAtHeal    hosts not healthy when the faults healed, with their state in the policy's words
 * @param finalStates     hosts not healthy at the end, likewise
 */
public record PolicyVerdict(HaPolicy policy, SimOutcome outcome, TreeMap<String, List<FenceChannel>> fenced,
                            TreeMap<String, Long> fencedAt, int powerCommands, List<Long> recoveryMillis, List<String> unrecovered,
                            TreeMap<String, String> statesAtHeal, TreeMap<String, String> finalStates) {

    public PolicyVerdict {
        fenced = new TreeMap<>(fenced);
        fencedAt = new TreeMap<>(fencedAt);
        recoveryMillis = List.copyOf(recoveryMillis);
        unrecovered = List.copyOf(unrecovered);
        statesAtHeal = new TreeMap<>(statesAtHeal);
        finalStates = new TreeMap<>(finalStates);
    }

    /** Runs {@code request} under {@code policy} to its end and sums it up. */
    public static PolicyVerdict run(SimRequest request, HaPolicy policy) {
        SimRun run = SimRun.prepare(request.withPolicy(policy));
        // The recoveries still pending when the faults heal are the ones the policy did not achieve by itself.
        run.runTo(request.durationMillis());
        List<String> unrecovered = new ArrayList<>();
        for (RecoveryClock.Recovery r : run.recoveryClock().unfinished()) {
            unrecovered.add(r.host());
        }
        TreeMap<String, String> atHeal = unhealthyStates(run);
        SimOutcome outcome = run.finish();
        HaEvents events = run.haEvents();
        TreeMap<String, List<FenceChannel>> fenced = new TreeMap<>();
        TreeMap<String, Long> fencedAt = new TreeMap<>();
        int commands = 0;
        for (HaEvents.Fence f : events.fences()) {
            if (f.channel() == null) {
                commands++;
            } else {
                fenced.computeIfAbsent(f.host(), k -> new ArrayList<>()).add(f.channel());
                fencedAt.putIfAbsent(f.host(), f.atMillis());
            }
        }
        List<Long> recoveries = new ArrayList<>();
        for (RecoveryClock.Recovery r : run.recoveryClock().recoveries()) {
            if (r.downAtMillis() + r.recoveredAfterMillis() <= request.durationMillis()) {
                recoveries.add(r.recoveredAfterMillis());
            }
        }
        return new PolicyVerdict(policy, outcome, fenced, fencedAt, commands, recoveries, unrecovered, atHeal,
                unhealthyStates(run));
    }

    private static TreeMap<String, String> unhealthyStates(SimRun run) {
        TreeMap<String, String> states = new TreeMap<>();
        for (String host : run.cluster().hostNames()) {
            String s = run.ha().manager().policyState(host);
            if (!s.equals("UP") && !s.equals("Available")) {
                states.put(host, s);
            }
        }
        return states;
    }

    /** Safety and liveness checks that did not hold. */
    public List<CheckResult> brokenInvariants() {
        return outcome.checks().stream().filter(c -> !c.held() && !c.kind().equals("expectation")).toList();
    }

    public List<CheckResult> expectations() {
        return outcome.checks().stream().filter(c -> c.kind().equals("expectation")).toList();
    }

    /** The fenced hosts, each with how it was fenced: {@code cube2 (power-off accepted)}. */
    public String fencedText() {
        if (fenced.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        fenced.forEach((host, channels) -> parts.add(host + " (" + describe(channels.get(channels.size() - 1)) + " at "
                + minutes(fencedAt.get(host)) + ")"));
        return String.join(", ", parts);
    }

    static String describe(FenceChannel c) {
        return switch (c) {
            case POWER_CONFIRMED_OFF -> "power read back off";
            case LEASE_EXPIRED -> "lease expired";
            case POWER_OFF_ACCEPTED -> "power-off accepted";
            case POWER_STATE_UNKNOWN -> "declared on Unknown power";
            case POWER_RESET_ACCEPTED -> "reset accepted";
        };
    }

    public String recoveryText() {
        if (recoveryMillis.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(recoveryMillis);
        sorted.sort(Long::compare);
        return String.format(Locale.ROOT, "%d, max %s", sorted.size(), seconds(sorted.get(sorted.size() - 1)));
    }

    /** A virtual time of the run as minutes and seconds, e.g. {@code 10:24}. */
    static String minutes(long millis) {
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String seconds(long millis) {
        return millis >= 120_000 ? String.format(Locale.ROOT, "%.1f min", millis / 60_000.0)
                : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * One line for a table: a broken invariant first (it is what matters), then HA VMs never recovered, then how
     * long recovery took and what was fenced.
     */
    public String summary() {
        List<CheckResult> broken = brokenInvariants().stream().filter(c -> c.kind().equals("safety")).toList();
        if (!broken.isEmpty()) {
            return "UNSAFE: " + broken.get(0).name();
        }
        List<String> parts = new ArrayList<>();
        if (!unrecovered.isEmpty()) {
            String stuck = unrecovered.stream().map(h -> finalOrFenced(h)).reduce((a, b) -> a + ", " + b).orElse("");
            parts.add("HA VMs not recovered (" + stuck + ")");
        } else if (!recoveryMillis.isEmpty()) {
            parts.add("HA VMs back " + seconds(recoveryMillis.stream().max(Long::compare).orElse(0L))
                    + " after the failure");
        } else {
            parts.add("no HA VM lost");
        }
        parts.add(fenced.isEmpty() ? "nothing fenced" : "fenced " + fencedText());
        return String.join("; ", parts);
    }

    private String finalOrFenced(String host) {
        String state = statesAtHeal.getOrDefault(host, "");
        return state.isEmpty() ? host : host + " " + state;
    }
}
