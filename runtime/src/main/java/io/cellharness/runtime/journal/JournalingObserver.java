package io.cellharness.runtime.journal;

import io.cellharness.core.ha.FenceChannel;
import io.cellharness.core.ha.HaObserver;
import io.cellharness.core.ha.HostHaState;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Writes each of the manager's decisions to the journal as the manager reports it, then tells the other observers.
 * The manager reports a decision before it acts on it (a fence before the power-off is sent, a restart before the VM
 * is defined and started), so the entry is durable before the act. A journal that cannot be written stops the
 * manager's action by throwing: acting on an unjournaled decision could repeat it after a restart.
 */
public final class JournalingObserver implements HaObserver {

    private final Journal journal;
    private final List<HaObserver> then;
    private final DoubleConsumer writeSeconds;

    /**
     * @param then         told each decision after it is journaled
     * @param writeSeconds told how long each journal write took
     */
    public JournalingObserver(Journal journal, List<HaObserver> then, DoubleConsumer writeSeconds) {
        this.journal = journal;
        this.then = List.copyOf(then);
        this.writeSeconds = writeSeconds;
    }

    private void append(JournalEntry.Kind kind, String host, String vm, String detail) {
        long start = System.nanoTime();
        journal.append(kind, host, vm, detail);
        writeSeconds.accept((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void transition(String host, HostHaState from, HostHaState to, String reason) {
        append(JournalEntry.Kind.HOST_STATE, host, "", from + "->" + to + ": " + reason);
        then.forEach(o -> o.transition(host, from, to, reason));
    }

    @Override
    public void alert(String host, String message) {
        then.forEach(o -> o.alert(host, message));
    }

    @Override
    public void reported(String reporter, String target, String evidence) {
        then.forEach(o -> o.reported(reporter, target, evidence));
    }

    @Override
    public void fenceIssued(String host, int attempt) {
        append(JournalEntry.Kind.FENCE_ISSUED, host, "", "attempt " + attempt);
        then.forEach(o -> o.fenceIssued(host, attempt));
    }

    @Override
    public void fenced(String host, FenceChannel channel) {
        append(JournalEntry.Kind.FENCED, host, "", String.valueOf(channel));
        then.forEach(o -> o.fenced(host, channel));
    }

    @Override
    public void restarting(String vm, String fromHost, String toHost, String reason) {
        append(JournalEntry.Kind.RESTARTING, toHost, vm, "from " + fromHost + ": " + reason);
        then.forEach(o -> o.restarting(vm, fromHost, toHost, reason));
    }

    @Override
    public void restarted(String vm, String host) {
        append(JournalEntry.Kind.RESTARTED, host, vm, "");
        then.forEach(o -> o.restarted(vm, host));
    }

    @Override
    public void unplaceable(String vm, String reason) {
        append(JournalEntry.Kind.UNPLACEABLE, "", vm, reason);
        then.forEach(o -> o.unplaceable(vm, reason));
    }
}
