package io.cellharness.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Real TLS material made by a test with the JDK's {@code keytool}: one key store per node (a self-signed EC
 * certificate whose CN is the node's name, valid for 127.0.0.1 and localhost) and one trust store holding the
 * certificates of the nodes the cluster trusts. Nodes made with {@code trusted = false} are outsiders.
 */
public final class TestTlsMaterial {

    /** The test-only password of every store made here. */
    public static final String PASSWORD = "test-store-pass";

    private final Path directory;
    private final List<String> trusted = new ArrayList<>();

    public TestTlsMaterial(Path directory) {
        this.directory = directory;
    }

    /** Makes {@code node}'s key store; adds its certificate to the trust store when {@code trusted}. */
    public TestTlsMaterial node(String node, boolean trusted) throws IOException, InterruptedException {
        keytool("-genkeypair", "-noprompt", "-alias", node, "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-dname", "CN=" + node, "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-keystore", keyStore(node).toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", node, "-keystore", keyStore(node).toString(),
                "-storepass", PASSWORD, "-file", directory.resolve(node + ".pem").toString());
        if (trusted) {
            keytool("-importcert", "-noprompt", "-alias", node, "-file", directory.resolve(node + ".pem").toString(),
                    "-keystore", trustStore().toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            this.trusted.add(node);
        }
        return this;
    }

    public Path keyStore(String node) {
        return directory.resolve(node + ".p12");
    }

    public Path trustStore() {
        return directory.resolve("trust.p12");
    }

    public Path directory() {
        return directory;
    }

    /** {@code node}'s TLS context: its own key, the cluster's trust store. */
    public SSLContext context(String node) {
        return PeerTls.context(keyStore(node), PASSWORD.toCharArray(), trustStore(), PASSWORD.toCharArray());
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Path log = directory.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + args[0] + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
