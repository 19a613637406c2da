package io.cellharness.fence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed TLS server certificate made with the JDK's {@code keytool}, as a BMC ships one: a PKCS12 key store for
 * the server and the certificate alone, in PEM, for a client to trust.
 *
 * @param keyStore    PKCS12 key store holding the key and certificate under alias {@code bmc}
 * @param password    its (test-only) password
 * @param certificate the certificate in PEM
 */
record SelfSignedCertificate(Path keyStore, String password, Path certificate) {

    /**
     * @param subjectAltNames keytool's SAN list, e.g. {@code dns:localhost,ip:127.0.0.1}
     */
    static SelfSignedCertificate generate(Path directory, String name, String subjectAltNames)
            throws IOException, InterruptedException {
        Path keyStore = directory.resolve(name + ".p12");
        Path certificate = directory.resolve(name + ".pem");
        String password = "test-store-" + name;
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-noprompt", "-alias", "bmc",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + name, "-ext", "SAN=" + subjectAltNames, "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password), directory);
        Files.writeString(certificate, pem(keyStore, password), StandardCharsets.US_ASCII);
        return new SelfSignedCertificate(keyStore, password, certificate);
    }

    /** The certificate alone, as a BMC's web page would let an operator download it. */
    private static String pem(Path keyStore, String password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(keyStore.toFile(), password.toCharArray());
            byte[] der = store.getCertificate("bmc").getEncoded();
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException unreadable) {
            throw new IOException("cannot read the certificate keytool made: " + unreadable.getMessage(), unreadable);
        }
    }

    private static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path log = directory.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
