/**
 * The host's watchdog on real hosts (H-06, R-03): {@link io.cellharness.watchdog.DeviceWatchdog} pets the Linux
 * watchdog device ({@code /dev/watchdog} or a configured one) and writes the magic close character on a clean stop so
 * the host is not reset; {@link io.cellharness.watchdog.SoftwareWatchdog} is the explicit fallback for machines without
 * a device, which halts the agent when not petted in time (it cannot reset the host, and says so wherever it is
 * shown).
 *
 * <p>May depend on cell-core's ports and the JDK.
 */
package io.cellharness.watchdog;
