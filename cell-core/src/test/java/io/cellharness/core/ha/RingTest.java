package io.cellharness.core.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RingTest {

    @Test
    void eachHostIsCheckedByTheNextKAndWatchesTheKBeforeItWrappingAround() { // H-02
        Ring ring = new Ring(List.of("cube3", "cube1", "cube4", "cube2"), 2);

        assertThat(ring.hosts()).containsExactly("cube1", "cube2", "cube3", "cube4");
        assertThat(ring.checkersOf("cube1")).containsExactly("cube2", "cube3");
        assertThat(ring.checkersOf("cube4")).containsExactly("cube1", "cube2");
        assertThat(ring.watchedBy("cube1")).containsExactly("cube4", "cube3");
        assertThat(ring.watchedBy("cube3")).containsExactly("cube2", "cube1");
    }

    @Test
    void aHostOutsideTheRingIsRefusedByName() {
        Ring ring = new Ring(List.of("cube1", "cube2", "cube3"), 2);

        assertThatThrownBy(() -> ring.checkersOf("cube0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host cube0 is not in the ring");
        assertThatThrownBy(() -> ring.watchedBy("cube9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host cube9 is not in the ring");
    }

    /** The lookup by binary search finds the same neighbours as walking the sorted names would, for any ring. */
    @Property
    void neighboursAreThePositionsAroundTheHostInNameOrder(@ForAll @IntRange(min = 1, max = 60) int size,
                                                           @ForAll @IntRange(min = 0, max = 5) int k) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // Names of different lengths, so that name order differs from number order.
            names.add(String.format(Locale.ROOT, "h%d", i * 7919 % 1000));
        }
        List<String> sorted = new ArrayList<>(names.stream().distinct().toList());
        Collections.sort(sorted);
        Collections.reverse(names);
        Ring ring = new Ring(names, k);
        int n = sorted.size();
        int effective = Math.min(k, n - 1);
        for (int i = 0; i < n; i++) {
            List<String> checkers = new ArrayList<>();
            List<String> watched = new ArrayList<>();
            for (int d = 1; d <= effective; d++) {
                checkers.add(sorted.get((i + d) % n));
                watched.add(sorted.get(Math.floorMod(i - d, n)));
            }
            assertThat(ring.checkersOf(sorted.get(i))).isEqualTo(checkers);
            assertThat(ring.watchedBy(sorted.get(i))).isEqualTo(watched);
        }
    }
}
