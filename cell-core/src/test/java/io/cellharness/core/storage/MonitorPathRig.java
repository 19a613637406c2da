package io.cellharness.core.storage;

import io.cellharness.core.port.FakeScheduler;
import java.util.ArrayList;
import java.util.List;

/** A selector wired to a probe loop, fake monitors and a fake scheduler, recording every path change. */
final class MonitorPathRig {

    final FakeScheduler scheduler = new FakeScheduler();
    final FakeStorageMonitors monitors = new FakeStorageMonitors(scheduler);
    final List<PathChange> changes = new ArrayList<>();
    final MonitorSettings settings;
    final MonitorPathSelector selector;
    final MonitorProbeLoop loop;

    MonitorPathRig(MonitorSettings settings, Proximity proximity) {
        this.settings = settings;
        this.selector = new MonitorPathSelector(scheduler, settings, proximity, changes::add);
        this.loop = new MonitorProbeLoop(scheduler, scheduler, monitors, selector);
    }

    /** Every host runs a storage controller; each host is registered with its monitor. */
    MonitorPathRig hci(String... hosts) {
        for (String host : hosts) {
            selector.addMonitor(host);
        }
        for (String host : hosts) {
            selector.addHost(host);
        }
        return this;
    }

    MonitorPathRig start() {
        loop.start();
        return this;
    }

    void advanceTo(long time) {
        scheduler.advanceTo(time);
    }

    /** Schedules {@code action} at {@code time}; called before the run, it comes before probe actions due then. */
    void at(long time, Runnable action) {
        scheduler.at(time, "test step", action);
    }

    List<PathChange> changes(PathChangeReason reason) {
        return changes.stream().filter(c -> c.reason() == reason).toList();
    }

    List<String> trace() {
        return changes.stream().map(PathChange::oneLine).toList();
    }
}
