package io.cellharness.runtime.journal;

import java.util.List;

/** The manager's durable decision log (H-12). */
public interface Journal extends AutoCloseable {

    /**
     * Writes an entry durably; returns when it is on stable storage.
     *
     * @return the entry as written, with its sequence number
     * @throws JournalException when it could not be written (the manager must not act on the decision)
     */
    JournalEntry append(JournalEntry.Kind kind, String host, String vm, String detail);

    /** Every entry, oldest first. */
    List<JournalEntry> entries();

    @Override
    void close();

    /** The journal cannot be written or read. */
    final class JournalException extends RuntimeException {
        public JournalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
