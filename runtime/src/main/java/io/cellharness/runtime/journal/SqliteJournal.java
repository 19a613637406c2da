package io.cellharness.runtime.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal in an embedded SQLite database: WAL mode, {@code synchronous=FULL} (every commit is fsynced), one row
 * per entry. One writer: the manager's engine thread.
 */
public final class SqliteJournal implements Journal {

    private final Connection db;
    private final PreparedStatement insert;

    /**
     * Opens (creating if needed) the journal at {@code file}.
     *
     * @throws JournalException naming the file when it cannot be opened
     */
    public SqliteJournal(Path file) {
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE IF NOT EXISTS entries (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "kind TEXT NOT NULL, host TEXT NOT NULL, vm TEXT NOT NULL, detail TEXT NOT NULL)");
            }
            insert = db.prepareStatement("INSERT INTO entries (kind, host, vm, detail) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
        } catch (SQLException e) {
            throw new JournalException("journal " + file + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** The PRAGMA values in force, for tests and the status API. */
    public String pragma(String name) {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getString(1) : "";
        } catch (SQLException e) {
            throw new JournalException("journal PRAGMA " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized JournalEntry append(JournalEntry.Kind kind, String host, String vm, String detail) {
        try {
            insert.setString(1, kind.name());
            insert.setString(2, host == null ? "" : host);
            insert.setString(3, vm == null ? "" : vm);
            insert.setString(4, detail == null ? "" : detail);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                long seq = keys.next() ? keys.getLong(1) : -1;
                return new JournalEntry(seq, kind, host == null ? "" : host, vm == null ? "" : vm,
                        detail == null ? "" : detail);
            }
        } catch (SQLException e) {
            throw new JournalException("journal write of " + kind + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<JournalEntry> entries() {
        List<JournalEntry> all = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT seq, kind, host, vm, detail FROM entries ORDER BY seq")) {
            while (r.next()) {
                all.add(new JournalEntry(r.getLong(1), JournalEntry.Kind.valueOf(r.getString(2)), r.getString(3),
                        r.getString(4), r.getString(5)));
            }
        } catch (SQLException e) {
            throw new JournalException("journal read failed: " + e.getMessage(), e);
        }
        return all;
    }

    @Override
    public synchronized void close() {
        try {
            insert.close();
            db.close();
        } catch (SQLException ignored) {
            // closing a journal whose entries are all committed loses nothing
        }
    }
}
