package io.cellharness.peer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A service's TLS material: its own key and certificate (a PKCS12 key store) and the certificates it trusts for its
 * peers (a PKCS12 trust store holding the cluster's CA, or each peer's certificate). The same context serves and
 * connects, so every connection is mutually authenticated with verification on.
 */
public final class PeerTls {

    private PeerTls() {
    }

    /**
     * @throws IllegalArgumentException one line naming the file when a store cannot be read or opened
     */
    public static SSLContext context(Path keyStore, char[] keyStorePassword, Path trustStore,
                                     char[] trustStorePassword) {
        KeyStore keys = load(keyStore, keyStorePassword, "key store");
        KeyStore trusted = load(trustStore, trustStorePassword, "trust store");
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, keyStorePassword);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS material " + keyStore + " / " + trustStore + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(what + " " + file + " cannot be read as PKCS12 with its password: "
                    + e.getMessage(), e);
        }
    }
}
