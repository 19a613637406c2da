package io.cellharness.sim.world;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.Scheduler;
import io.cellharness.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One life of a process on a simulated node (an HA helper on a host, the manager): its timers and the replies to its
 * calls. When the process dies with its host, {@link #kill()} makes every timer and every pending reply of this life
 * a no-op, as a real crash would; a restarted process is a new scope.
 */
public final class ProcessScope implements Scheduler {

    private final Simulation sim;
    private final String node;
    private final String name;
    private final List<Cancellable> periodic = new ArrayList<>();
    private boolean alive = true;

    public ProcessScope(Simulation sim, String node, String name) {
        this.sim = sim;
        this.node = node;
        this.name = name;
    }

    public String node() {
        return node;
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return alive;
    }

    /** Ends this life: timers stop, pending replies are dropped. */
    public void kill() {
        alive = false;
        for (Cancellable c : periodic) {
            c.cancel();
        }
        periodic.clear();
    }

    /** Completes {@code future} with {@code result} if the process is still alive; a dead process hears nothing. */
    public <T> void complete(CompletableFuture<OpResult<T>> future, OpResult<T> result) {
        if (alive) {
            future.complete(result);
        }
    }

    private Runnable guarded(Runnable action) {
        return () -> {
            if (alive) {
                action.run();
            }
        };
    }

    @Override
    public Cancellable at(long timeMillis, String label, Runnable action) {
        return sim.at(timeMillis, label, guarded(action));
    }

    @Override
    public Cancellable after(long delayMillis, String label, Runnable action) {
        return sim.after(delayMillis, label, guarded(action));
    }

    @Override
    public Cancellable periodic(long initialDelayMillis, long periodMillis, String label, Runnable action) {
        Cancellable c = sim.periodic(initialDelayMillis, periodMillis, label, guarded(action));
        if (alive) {
            periodic.add(c);
        } else {
            c.cancel();
        }
        return c;
    }
}
