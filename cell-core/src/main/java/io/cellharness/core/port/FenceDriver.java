package io.cellharness.core.port;

import java.util.concurrent.CompletionStage;

/**
 * One host's BMC (H-04, H-06, H-09): power commands and the power state read-back that confirms a fence. A command
 * that times out or loses its reply completes {@link OpResult.Unknown}; only a {@link #powerStatus()} that answers
 * {@link PowerState#OFF} confirms the host is off.
 */
public interface FenceDriver {

    /** The host this BMC powers. */
    String host();

    /** Hard power off (IPMI {@code chassis power off}, Redfish {@code ForceOff}). */
    CompletionStage<OpResult<Void>> powerOff();

    /** Power on (IPMI {@code chassis power on}, Redfish {@code On}). */
    CompletionStage<OpResult<Void>> powerOn();

    /** Hard reset (IPMI {@code chassis power reset}, Redfish {@code ForceRestart}). */
    CompletionStage<OpResult<Void>> reset();

    /** The chassis power state as the BMC reports it now. */
    CompletionStage<OpResult<PowerState>> powerStatus();
}
