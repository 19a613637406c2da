package io.cellharness.fence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which TLS server certificates a Redfish BMC may present. Verification (chain and host name) is on unless the
 * loudly named {@link #insecureTrustAnyCertificate()} is chosen; the default is the JDK's trust store.
 */
public sealed interface TlsTrust {

    /** The JDK's default trust store ({@code cacerts}): certificates from a public or site-installed CA. */
    record SystemDefault() implements TlsTrust {
    }

    /**
     * Exactly the certificates of this trust store: a site CA, or a BMC's own self-signed certificate. The host name
     * is still checked against the certificate.
     */
    record TrustStore(KeyStore store) implements TlsTrust {
        public TrustStore {
            Objects.requireNonNull(store, "store");
        }
    }

    /**
     * No verification at all: any certificate for any name. Anyone on the path can then read the BMC password and
     * forge power states. Never the default; only for a lab BMC whose certificate cannot be obtained.
     */
    record InsecureTrustAnyCertificate() implements TlsTrust {
    }

    static TlsTrust systemDefault() {
        return new SystemDefault();
    }

    /**
     * Trusts the X.509 certificates in a PEM (one or more {@code BEGIN CERTIFICATE} blocks) or DER file.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
     */
    static TlsTrust certificatesFrom(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("CA certificate file " + file + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + index++, certificate);
            }
            return new TrustStore(store);
        } catch (IOException | GeneralSecurityException unreadable) {
            throw new IllegalArgumentException("cannot read CA certificate file " + file + ": "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * Trusts the certificates of a key store file (PKCS12 or JKS, told apart by its content).
     *
     * @throws IllegalArgumentException naming the file when it cannot be opened with this password
     */
    static TlsTrust trustStoreFrom(Path file, char[] password) {
        try {
            return new TrustStore(KeyStore.getInstance(file.toFile(), password));
        } catch (IOException | GeneralSecurityException unreadable) {
            throw new IllegalArgumentException("cannot open trust store " + file + ": " + unreadable.getMessage(),
                    unreadable);
        }
    }

    /** See {@link InsecureTrustAnyCertificate}: turns off certificate and host name verification. */
    static TlsTrust insecureTrustAnyCertificate() {
        return new InsecureTrustAnyCertificate();
    }

    /** The TLS context that enforces this trust. */
    default SSLContext sslContext() {
        try {
            if (this instanceof SystemDefault) {
                return SSLContext.getDefault();
            }
            TrustManager[] trustManagers;
            if (this instanceof TrustStore trustStore) {
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trustStore.store());
                trustManagers = factory.getTrustManagers();
            } else {
                trustManagers = new TrustManager[] {new TrustingAnyCertificate()};
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers, null);
            return context;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("TLS is not available in this JVM: " + unavailable.getMessage(),
                    unavailable);
        }
    }
}
