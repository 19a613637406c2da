package io.cellharness.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeSchedulerTest {

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<String> ran = new ArrayList<>();

    private Runnable record(String what) {
        return () -> ran.add(what + "@" + scheduler.nowMillis());
    }

    @Test
    void actions_run_in_time_then_sequence_order_with_the_clock_at_their_time() {
        scheduler.at(20, "b", record("b"));
        scheduler.at(10, "a", record("a"));
        scheduler.at(20, "c", record("c"));
        scheduler.after(5, "d", record("d"));

        scheduler.advanceTo(20);

        assertThat(ran).containsExactly("d@5", "a@10", "b@20", "c@20");
        assertThat(scheduler.nowMillis()).isEqualTo(20);
    }

    @Test
    void nothing_runs_before_its_time_and_the_clock_lands_on_the_target() {
        scheduler.at(100, "late", record("late"));

        scheduler.advanceTo(99);

        assertThat(ran).isEmpty();
        assertThat(scheduler.nowMillis()).isEqualTo(99);
        assertThat(scheduler.pendingLabels()).containsExactly("late");
    }

    @Test
    void actions_scheduled_by_actions_run_if_due_and_after_what_was_already_due_now() {
        scheduler.at(10, "first", () -> {
            ran.add("first");
            scheduler.execute("spawned-now", record("spawned-now"));
            scheduler.after(5, "spawned-later", record("spawned-later"));
            scheduler.after(50, "spawned-too-late", record("spawned-too-late"));
        });
        scheduler.at(10, "second", record("second"));

        scheduler.advanceTo(30);

        assertThat(ran).containsExactly("first", "second@10", "spawned-now@10", "spawned-later@15");
        assertThat(scheduler.nextActionTime()).hasValue(60);
    }

    @Test
    void a_past_time_runs_now() {
        scheduler.advanceTo(50);
        scheduler.at(10, "past", record("past"));

        scheduler.runDue();

        assertThat(ran).containsExactly("past@50");
    }

    @Test
    void periodic_actions_repeat_until_cancelled_even_from_inside() {
        List<Scheduler.Cancellable> self = new ArrayList<>();
        self.add(scheduler.periodic(0, 10, "tick", () -> {
            ran.add("tick@" + scheduler.nowMillis());
            if (scheduler.nowMillis() == 20) {
                self.get(0).cancel();
            }
        }));

        scheduler.advanceTo(100);

        assertThat(ran).containsExactly("tick@0", "tick@10", "tick@20");
        assertThat(self.get(0).isCancelled()).isTrue();
        assertThat(scheduler.pendingActions()).isZero();
    }

    @Test
    void cancelled_actions_never_run() {
        Scheduler.Cancellable c = scheduler.after(10, "x", record("x"));
        c.cancel();
        c.cancel();

        scheduler.advanceBy(20);

        assertThat(ran).isEmpty();
        assertThat(scheduler.actionsRun()).isZero();
    }

    @Test
    void checks_run_after_every_action() {
        List<Long> checkedAt = new ArrayList<>();
        scheduler.afterEachAction(() -> checkedAt.add(scheduler.nowMillis()));
        scheduler.at(1, "a", record("a"));
        scheduler.at(2, "b", record("b"));

        scheduler.advanceTo(5);

        assertThat(checkedAt).containsExactly(1L, 2L);
    }

    @Test
    void time_only_runs_forward_and_bad_arguments_are_refused() {
        scheduler.advanceTo(10);
        assertThatThrownBy(() -> scheduler.advanceTo(9)).hasMessageContaining("time runs forward");
        assertThatThrownBy(() -> scheduler.after(-1, "x", () -> { })).hasMessageContaining("negative delay");
        assertThatThrownBy(() -> scheduler.periodic(0, 0, "x", () -> { })).hasMessageContaining("period > 0");
    }
}
