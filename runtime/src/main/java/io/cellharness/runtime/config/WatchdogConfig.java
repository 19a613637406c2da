package io.cellharness.runtime.config;

/**
 * The agent's watchdog (H-06, R-03).
 *
 * @param device          the Linux watchdog device (default {@code /dev/watchdog})
 * @param fallback        what runs when the device is missing: absent means the agent refuses to start;
 *                        {@code software} names the software watchdog explicitly (it halts the agent, and with it the
 *                        petting; it cannot reset the host)
 * @param timeoutSeconds  the software watchdog's timeout (default 60)
 */
public record WatchdogConfig(String device, String fallback, Integer timeoutSeconds) {

    public String deviceOrDefault() {
        return device == null ? "/dev/watchdog" : device;
    }

    public int timeout() {
        return timeoutSeconds == null ? 60 : timeoutSeconds;
    }
}
