package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.EndToEnd.CurlResult;
import certrenewal.app.EndToEnd.Tool;
import certrenewal.application.port.in.GetCrlUseCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA key in a real PKCS#11 token (SoftHSM2), as an architect would swap it in: the set-up command
 * makes the key inside the token, the system started with it issues the demo IDs' certificates and
 * renews one over EST, and OpenSSL verifies what the token signed. No CA key file exists.
 */
class CaInTokenTest {
    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "app-test-pin-2718";
    private static final String SUBJECT = "CN=Token Client CA,O=Example Bank,C=JP";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    private static EndToEnd system;
    private static String setUpOutput;
    private static String setUpMessages;

    @BeforeAll
    static void setUpTokenAndStart() throws Exception {
        freshToken();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CaTokenSetUp.run(setUpEnvironment(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        setUpOutput = out.toString(StandardCharsets.UTF_8);
        setUpMessages = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, setUpMessages);
        system = EndToEnd.start(dataDir, Map.of(
                "certrenewal.ca-token.library", LIBRARY.toString(),
                "certrenewal.ca-token.alias", "bank-ca",
                "certrenewal.ca-token.pin", PIN));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theSetUpMakesTheKeyInTheTokenAndPrintsOnlyItsCertificate() throws Exception {
        Files.writeString(work.resolve("setup-ca.pem"), setUpOutput);
        String subject = Tool.runOk(work, "openssl", "x509", "-in", "setup-ca.pem", "-noout", "-subject", "-nameopt", "RFC2253");
        assertEquals("subject=" + SUBJECT, subject.strip());
        assertFalse((setUpOutput + setUpMessages).contains(PIN), "the PIN is printed nowhere");
        String objects = Tool.runOk(work, "pkcs11-tool", "--module", LIBRARY.toString(), "--login", "--pin", PIN, "--list-objects");
        assertTrue(objects.contains("Access:     sensitive, always sensitive, never extractable, local"), objects);
        assertFalse(Files.exists(dataDir.resolve("ca").resolve("ca.p12")), "no CA key file beside the token");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, CaTokenSetUp.run(setUpEnvironment(), new PrintStream(again, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC()));
        assertEquals(setUpOutput, again.toString(StandardCharsets.UTF_8), "a second set-up uses the key there");
    }

    @Test
    void theDemoIdsCertificatesAndAnEstRenewalAreSignedInTheToken() throws Exception {
        Files.writeString(work.resolve("setup-ca.pem"), setUpOutput);
        String demoCa = Tool.runOk(work, "openssl", "x509", "-in", system.demo("ca.crt").toString(), "-noout", "-fingerprint", "-sha256");
        String tokenCa = Tool.runOk(work, "openssl", "x509", "-in", "setup-ca.pem", "-noout", "-fingerprint", "-sha256");
        assertEquals(tokenCa, demoCa, "the demo IDs trust the token's CA");
        assertTrue(Tool.runOk(work, "openssl", "verify", "-CAfile", "setup-ca.pem", system.demo("demo-user1.crt").toString())
                .contains(": OK"));

        Tool.runOk(work, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "renewed.key", "-subj", "/CN=anyone", "-outform", "DER", "-out", "renewed.csr.der");
        Path csr = Files.writeString(work.resolve("renewed.csr.b64"),
                Base64.getMimeEncoder().encodeToString(Files.readAllBytes(work.resolve("renewed.csr.der"))) + "\n");
        CurlResult reply = system.curl(work, "POST", "/.well-known/est/simplereenroll", system.demo("demo-user1.crt"),
                system.demo("demo-user1.key"), csr, "application/pkcs10");

        assertEquals(200, reply.status(), reply.body());
        Files.write(work.resolve("reply.p7"), Base64.getMimeDecoder().decode(reply.body()));
        Tool.runOk(work, "openssl", "pkcs7", "-inform", "DER", "-in", "reply.p7", "-print_certs", "-out", "renewed.crt");
        assertTrue(Tool.runOk(work, "openssl", "verify", "-CAfile", "setup-ca.pem", "-purpose", "sslclient", "renewed.crt")
                .contains("renewed.crt: OK"));
        Files.write(work.resolve("ca.crl"), system.bean(GetCrlUseCase.class).currentCrl());
        assertTrue(Tool.runOk(work, "openssl", "crl", "-inform", "DER", "-in", "ca.crl", "-CAfile", "setup-ca.pem", "-noout")
                .contains("verify OK"), "the CRL is signed in the token too");
    }

    private static Map<String, String> setUpEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("CERTRENEWAL_CA_TOKEN_LIBRARY", LIBRARY.toString());
        environment.put("CERTRENEWAL_CA_TOKEN_PIN", PIN);
        environment.put("CERTRENEWAL_CA_TOKEN_ALIAS", "bank-ca");
        environment.put("CERTRENEWAL_CA_SUBJECT", SUBJECT);
        return environment;
    }

    /** One token for this JVM, made before the library is first loaded (surefire points SOFTHSM2_CONF under target/). */
    private static void freshToken() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        assertTrue(conf != null, "SOFTHSM2_CONF is set by surefire");
        Path tokens = Path.of(conf).getParent().resolve("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> old = Files.walk(tokens)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Tool.runOk(work, "softhsm2-util", "--init-token", "--free", "--label", "certrenewal-app-test", "--pin", PIN,
                "--so-pin", "app-test-so-pin");
    }
}
