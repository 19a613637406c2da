/**
 * The manager's journal (H-12): every decision the manager makes (a host's HA state change, a fence issued or
 * confirmed, a VM restarting on a host or restarted there, a VM that cannot be placed) is written durably before the
 * manager acts on it, and a restarted manager resumes from it. {@link io.cellharness.runtime.journal.Journal} is the
 * port (the manager-failover work adds a replicated implementation); {@link io.cellharness.runtime.journal.SqliteJournal}
 * is the default store: an embedded SQLite database in WAL mode with {@code synchronous=FULL}, so an entry is on disk
 * when {@code append} returns.
 *
 * <p>May depend on cell-core's HA observer and the JDK's JDBC.
 */
package io.cellharness.runtime.journal;
