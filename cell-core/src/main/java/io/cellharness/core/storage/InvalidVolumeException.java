package io.cellharness.core.storage;

import io.cellharness.core.model.StorageType;

/**
 * A disk's volume does not have the form its storage type needs (S-01). The message is one line naming the disk, the
 * volume, what is wrong and the expected form.
 */
public final class InvalidVolumeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String disk;
    private final transient StorageType storage;
    private final String volume;
    private final String reason;

    public InvalidVolumeException(String disk, StorageType storage, String volume, String reason) {
        super("disk " + disk + ": '" + volume + "' is not a valid " + storage + " volume (" + reason + "); expected "
                + DiskSources.expectedForm(storage));
        this.disk = disk;
        this.storage = storage;
        this.volume = volume;
        this.reason = reason;
    }

    /** The disk, as the caller named it, e.g. {@code web-1 disk 0}. */
    public String disk() {
        return disk;
    }

    public StorageType storage() {
        return storage;
    }

    public String volume() {
        return volume;
    }

    /** What is wrong, without the disk or the expected form. */
    public String reason() {
        return reason;
    }

    /** The reason followed by the expected form, for a {@link io.cellharness.core.validation.Problem}. */
    public String reasonAndExpectedForm() {
        return reason + "; expected " + DiskSources.expectedForm(storage);
    }
}
