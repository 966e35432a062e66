package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.EndToEnd.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the embedded default the HTTPS server's certificate comes from a development TLS issuer of its own
 * ({@code data/tls/issuer.p12}, its certificate {@code data/tls/issuer.crt}), never from the client CA: trusting
 * the client CA ({@code data/demo/ca.crt}) for client certificates does not make anyone trust a server.
 * OpenSSL and curl judge, as a newcomer would use them.
 */
class DevelopmentTlsIssuerTest {
    @TempDir
    static Path dir;

    private static Path dataDir;
    private static Path work;
    private static EndToEnd system;

    @BeforeAll
    static void start() throws Exception {
        dataDir = dir.resolve("data");
        work = Files.createDirectories(dir.resolve("work"));
        system = EndToEnd.start(dataDir);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theServedCertificateVerifiesAgainstTheDevelopmentIssuerAndNotAgainstTheClientCa() throws Exception {
        Path issuer = dataDir.resolve("tls/issuer.crt");
        Path clientCa = system.demo("ca.crt");

        X509Certificate served = TlsProbe.servedCertificate(system.server.getPort(), issuer);
        Files.writeString(work.resolve("served.pem"), TlsProbe.pem(served));

        assertTrue(Tool.runOk(work, "openssl", "verify", "-CAfile", issuer.toString(), "-purpose", "sslserver",
                "served.pem").contains("served.pem: OK"));
        EndToEnd.Tool.Result againstClientCa = Tool.run(work, List.of("openssl", "verify", "-CAfile", clientCa.toString(),
                "served.pem"));
        assertNotEquals(0, againstClientCa.exitCode(), againstClientCa.output());
        assertEquals(subject(issuer), Tool.runOk(work, "openssl", "x509", "-in", "served.pem", "-noout", "-issuer",
                "-nameopt", "RFC2253").strip().replaceFirst("^issuer=", ""));
        assertNotEquals(subject(clientCa), subject(issuer));
    }

    @Test
    void curlTrustsTheServerWithTheIssuersCertificateAndNotWithTheClientCa() throws Exception {
        String url = system.url("/crl/ca.crl");

        assertEquals("200", Tool.runOk(work, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--cacert", dataDir.resolve("tls/issuer.crt").toString(), url).strip());
        EndToEnd.Tool.Result withClientCa = Tool.run(work, List.of("curl", "-s", "-o", "/dev/null",
                "--cacert", system.demo("ca.crt").toString(), url));
        assertEquals(60, withClientCa.exitCode(), "curl: peer certificate cannot be authenticated with known CA"
                + " certificates; " + withClientCa.output());
    }

    @Test
    void theClientCaFileStillVerifiesTheDemoClientCertificates() throws Exception {
        assertTrue(Tool.runOk(work, "openssl", "verify", "-CAfile", system.demo("ca.crt").toString(),
                "-purpose", "sslclient", system.demo("demo-user1.crt").toString()).contains(": OK"));
    }

    @Test
    void aSecondStartOnTheSameDataDirectoryKeepsEveryKeyStoreByteForByte() throws Exception {
        List<Path> files = List.of(dataDir.resolve("ca/ca.p12"), dataDir.resolve("tls/issuer.p12"),
                dataDir.resolve("tls/issuer.crt"), dataDir.resolve("tls/server.p12"));
        List<byte[]> before = files.stream().map(DevelopmentTlsIssuerTest::read).toList();
        system.close();

        system = EndToEnd.start(dataDir);

        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(before.get(i), read(files.get(i)), files.get(i).toString());
        }
    }

    private static String subject(Path pem) throws Exception {
        return Tool.runOk(work, "openssl", "x509", "-in", pem.toString(), "-noout", "-subject", "-nameopt", "RFC2253")
                .strip().replaceFirst("^subject=", "");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
