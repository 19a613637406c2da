package io.cellharness.runtime.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.model.Size;
import io.cellharness.core.model.VmSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite journal on a real file, and what a restarted manager reads back from it (H-12). */
class SqliteJournalTest {

    @TempDir
    Path dir;

    @Test
    void entriesAreDurableInWalModeWithFullSynchronousCommits() {
        Path file = dir.resolve("journal.db");
        try (SqliteJournal journal = new SqliteJournal(file)) {
            assertThat(journal.pragma("journal_mode")).isEqualTo("wal");
            assertThat(journal.pragma("synchronous")).isEqualTo("2"); // FULL
            assertThat(journal.append(JournalEntry.Kind.FENCE_ISSUED, "cube2", "", "attempt 1").seq()).isEqualTo(1);
            journal.append(JournalEntry.Kind.RESTARTING, "cube1", "web1", "from cube2: priority 1");
        }
        try (SqliteJournal reopened = new SqliteJournal(file)) {
            assertThat(reopened.entries()).containsExactly(
                    new JournalEntry(1, JournalEntry.Kind.FENCE_ISSUED, "cube2", "", "attempt 1"),
                    new JournalEntry(2, JournalEntry.Kind.RESTARTING, "cube1", "web1", "from cube2: priority 1"));
        }
    }

    @Test
    void aFenceIssuedAndNeverConfirmedIsInFlightUntilConfirmedOrReadBackOff() {
        List<JournalEntry> issued = List.of(entry(1, JournalEntry.Kind.FENCE_ISSUED, "cube2", "", "attempt 1"));
        assertThat(Resumption.from(issued).fencesInFlight()).containsExactly("cube2");

        assertThat(Resumption.from(List.of(issued.get(0),
                entry(2, JournalEntry.Kind.FENCED, "cube2", "", "BMC"))).fencesInFlight()).isEmpty();
        assertThat(Resumption.from(List.of(issued.get(0),
                entry(2, JournalEntry.Kind.FENCE_READ_BACK, "cube2", "", "UNKNOWN timeout"))).fencesInFlight())
                .containsExactly("cube2");
        assertThat(Resumption.from(List.of(issued.get(0),
                entry(2, JournalEntry.Kind.FENCE_READ_BACK, "cube2", "", "OFF"))).fencesInFlight()).isEmpty();
    }

    @Test
    void aRestartBegunAndNeverConfirmedIsInDoubtAndAConfirmedOneMovesTheVm() {
        ClusterSpec cluster = new ClusterSpec("c", null, List.of(host("cube1"), host("cube2")),
                List.of(VmSpec.of("web1", Size.ofGiB(1), 1).withHost("cube2"),
                        VmSpec.of("db1", Size.ofGiB(1), 1).withHost("cube2")));
        List<JournalEntry> entries = List.of(
                entry(1, JournalEntry.Kind.RESTARTING, "cube1", "web1", "from cube2"),
                entry(2, JournalEntry.Kind.RESTARTED, "cube1", "web1", ""),
                entry(3, JournalEntry.Kind.RESTARTING, "cube1", "db1", "from cube2"));

        Resumption resumption = Resumption.from(entries);

        assertThat(resumption.restartsInDoubt()).containsExactly(java.util.Map.entry("db1", "cube1"));
        ClusterSpec resumed = resumption.apply(cluster);
        assertThat(resumed.vm("web1").orElseThrow().host()).isEqualTo("cube1");
        assertThat(resumed.vm("db1").orElseThrow().host()).as("in doubt: stays until asked").isEqualTo("cube2");

        ClusterSpec answered = Resumption.from(List.of(entries.get(0), entries.get(1), entries.get(2),
                entry(4, JournalEntry.Kind.IN_DOUBT_RESOLVED, "cube1", "db1", "running"))).apply(cluster);
        assertThat(answered.vm("db1").orElseThrow().host()).isEqualTo("cube1");
    }

    @Test
    void theManagersDecisionsAreJournaledBeforeTheOtherObserversHearOfThem() {
        try (SqliteJournal journal = new SqliteJournal(dir.resolve("decisions.db"))) {
            List<String> seenWithEntries = new java.util.ArrayList<>();
            List<Double> writes = new java.util.ArrayList<>();
            io.cellharness.core.ha.HaObserver after = new io.cellharness.core.ha.HaObserver() {
                @Override
                public void fenceIssued(String host, int attempt) {
                    seenWithEntries.add(host + " fence, journal has " + journal.entries().size());
                }

                @Override
                public void restarting(String vm, String fromHost, String toHost, String reason) {
                    seenWithEntries.add(vm + " restart, journal has " + journal.entries().size());
                }
            };
            JournalingObserver observer = new JournalingObserver(journal, List.of(after), writes::add);

            observer.fenceIssued("cube2", 1);
            observer.restarting("web1", "cube2", "cube1", "priority high");
            observer.alert("cube2", "not journaled: an alert is no decision");

            assertThat(seenWithEntries).containsExactly("cube2 fence, journal has 1", "web1 restart, journal has 2");
            assertThat(journal.entries()).extracting(JournalEntry::kind)
                    .containsExactly(JournalEntry.Kind.FENCE_ISSUED, JournalEntry.Kind.RESTARTING);
            assertThat(writes).hasSize(2).allMatch(seconds -> seconds >= 0);
        }
    }

    private static JournalEntry entry(long seq, JournalEntry.Kind kind, String host, String vm, String detail) {
        return new JournalEntry(seq, kind, host, vm, detail);
    }

    private static HostSpec host(String name) {
        return new HostSpec(name, 8, Size.ofGiB(32), null, null, null, null, null, null);
    }
}
