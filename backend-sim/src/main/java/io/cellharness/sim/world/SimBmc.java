package io.cellharness.sim.world;

import io.cellharness.core.port.FenceDriver;
import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import io.cellharness.sim.Simulation;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A simulated BMC as one process (the manager) reaches it over the out-of-band network. Faults make it unreachable
 * (every command times out: unknown) or lose commands (it answers as if it acted, and does nothing: only the power
 * read-back reveals it, H-06).
 */
public final class SimBmc implements FenceDriver {

    /** The state of one host's BMC, shared by every client. */
    static final class State {
        boolean unreachable;
        int commandsToLose;
        boolean refusesOffWhenOff;
    }

    private final SimCluster cluster;
    private final ProcessScope caller;
    private final SimHost host;
    private final State state;

    SimBmc(SimCluster cluster, ProcessScope caller, SimHost host, State state) {
        this.cluster = cluster;
        this.caller = caller;
        this.host = host;
        this.state = state;
    }

    @Override
    public String host() {
        return host.name();
    }

    private Simulation sim() {
        return cluster.sim();
    }

    private <T> CompletionStage<OpResult<T>> command(String what, Supplier<OpResult<T>> onBmc) {
        long timeout = cluster.settings().bmcTimeoutMillis();
        PendingReply<T> pending = new PendingReply<>(sim(), caller, timeout, "bmc timeout " + host.name(),
                "BMC of " + host.name() + " did not answer " + what + " within " + timeout + " ms");
        SimSettings s = cluster.settings();
        long roundTrip = s.bmcLatencyMillis() + cluster.draw("bmc", s.bmcJitterMillis());
        if (!state.unreachable) {
            sim().after(roundTrip, "bmc " + what + " " + host.name(), () -> {
                if (!state.unreachable && pending.open()) {
                    pending.reply(onBmc.get());
                }
            });
        }
        return pending.stage();
    }

    private OpResult<Void> act(String what, Runnable effect) {
        if (state.commandsToLose > 0) {
            state.commandsToLose--;
            cluster.trace("bmc@" + host.name(), "command-lost", what);
            return OpResult.ok();
        }
        cluster.trace("bmc@" + host.name(), what, "");
        effect.run();
        return OpResult.ok();
    }

    @Override
    public CompletionStage<OpResult<Void>> powerOff() {
        return command("power off", () -> {
            if (state.refusesOffWhenOff && host.power() == PowerState.OFF) {
                cluster.trace("bmc@" + host.name(), "power-off-refused", "chassis already off");
                return OpResult.failed("BMC of " + host.name() + " refused the power off: HTTP 409 Conflict, the "
                        + "system is already off");
            }
            return act("power-off", () -> sim().after(cluster.settings().powerOffMillis(),
                    "chassis off " + host.name(), () -> host.powerOff("BMC power off")));
        });
    }

    @Override
    public CompletionStage<OpResult<Void>> powerOn() {
        return command("power on", () -> act("power-on", () -> host.powerOn("BMC power on")));
    }

    @Override
    public CompletionStage<OpResult<Void>> reset() {
        return command("reset", () -> act("reset", () -> host.reset("BMC reset")));
    }

    @Override
    public CompletionStage<OpResult<PowerState>> powerStatus() {
        return command("power status", () -> OpResult.ok(host.power()));
    }
}
