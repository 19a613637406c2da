package io.cellharness.runtime.config;

/**
 * A service's TLS material.
 *
 * @param keyStore           PKCS12 file with this node's key and certificate (its CN is the node's name)
 * @param trustStore         PKCS12 file with the certificates (or CA) of the cluster's nodes
 * @param passwordCredential the name of the credential holding both stores' password
 *                           ({@code $CREDENTIALS_DIRECTORY/<name>}, else the environment variable {@code <name>})
 */
public record TlsConfig(String keyStore, String trustStore, String passwordCredential) {
}
