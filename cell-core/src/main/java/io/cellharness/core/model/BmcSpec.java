package io.cellharness.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a host's baseboard management controller is reached for fencing (H-04). The password is never written in a
 * specification: {@code passwordEnv} names the environment variable that holds it.
 *
 * @param address   host name or IP, optionally with {@code :port}
 * @param kind      IPMI (ipmitool lanplus) or Redfish
 * @param username  BMC user
 * @param passwordEnv name of the environment variable holding the password
 * @param caFile      Redfish only: a PEM or DER file of the CA (or the BMC's own certificate) that this BMC's TLS
 *                    certificate is checked against, for this BMC alone; absent means the JVM's trust store
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BmcSpec(
        @JsonProperty(value = "address", required = true) String address,
        @JsonProperty("kind") BmcKind kind,
        @JsonProperty("username") String username,
        @JsonProperty("passwordEnv") String passwordEnv,
        @JsonProperty("caFile") String caFile) {

    public BmcSpec {
        kind = kind == null ? BmcKind.IPMI : kind;
    }

    /** A BMC checked against the JVM's trust store; the form every caller used before a CA could be named per BMC. */
    public BmcSpec(String address, BmcKind kind, String username, String passwordEnv) {
        this(address, kind, username, passwordEnv, null);
    }
}
