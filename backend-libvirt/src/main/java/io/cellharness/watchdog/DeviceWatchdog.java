package io.cellharness.watchdog;

import io.cellharness.core.port.Watchdog;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Linux watchdog API: opening the device arms it, every write postpones the reset by the device's timeout, and
 * writing {@code 'V'} just before closing (the "magic close") disarms it, so a clean stop does not reset the host.
 * The timeout is the device's own (set by the driver or {@code wdctl}).
 */
public final class DeviceWatchdog implements Watchdog, AutoCloseable {

    private final Path device;
    private final FileOutputStream out;

    /**
     * Opens and so arms {@code device}.
     *
     * @throws IOException when it does not exist or cannot be opened
     */
    public DeviceWatchdog(Path device) throws IOException {
        if (!Files.exists(device)) {
            throw new IOException("watchdog device " + device + " does not exist");
        }
        this.device = device;
        this.out = new FileOutputStream(device.toFile());
    }

    public Path device() {
        return device;
    }

    @Override
    public synchronized void pet() {
        try {
            out.write('.');
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("watchdog device " + device + " refused a pet: " + e.getMessage(), e);
        }
    }

    /** Magic close: disarms the watchdog, then closes the device. */
    @Override
    public synchronized void close() throws IOException {
        try {
            out.write('V');
            out.flush();
        } finally {
            out.close();
        }
    }
}
