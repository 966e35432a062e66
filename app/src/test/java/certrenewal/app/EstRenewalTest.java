package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.EndToEnd.CurlResult;
import certrenewal.app.EndToEnd.Tool;
import certrenewal.application.port.in.AuthenticateCertificateUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.StartRenewalUseCase;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EST renewal as a newcomer does it with curl and openssl, against the running system on the
 * embedded default, and every refusal it must give without changing anything.
 */
class EstRenewalTest {
    private static final String SIMPLEREENROLL = "/.well-known/est/simplereenroll";
    private static final String PKCS10 = "application/pkcs10";
    private static final String OVERVIEW = "/api/me/certificate";

    @TempDir
    static Path dataDir;
    @TempDir
    Path work;

    private static EndToEnd system;

    @BeforeAll
    static void start() {
        system = EndToEnd.start(dataDir);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void cacertsGivesTheBankCaAsBase64CertsOnly() throws Exception {
        CurlResult reply = system.curl(work, "GET", "/.well-known/est/cacerts", null, null, null, null);
        assertEquals(200, reply.status());
        Path p7 = writeBase64Der(reply.body(), "cacerts.p7");
        Tool.runOk(work, "openssl", "pkcs7", "-inform", "DER", "-in", p7.toString(), "-print_certs", "-out", "cacerts.pem");
        assertEquals(fingerprint(system.demo("ca.crt")), fingerprint(work.resolve("cacerts.pem")));
    }

    @Test
    void demoIdRenewsOverEstAndTheOldCertificateIsRefusedOnceTheNewOneIsUsed() throws Exception {
        Path oldCert = system.demo("demo-user1.crt");
        Path oldKey = system.demo("demo-user1.key");
        Path csr = newRequest("renewed", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");

        CurlResult reply = system.curl(work, "POST", SIMPLEREENROLL, oldCert, oldKey, csr, PKCS10);

        assertEquals(200, reply.status(), reply.body());
        Path p7 = writeBase64Der(reply.body(), "reply.p7");
        Tool.runOk(work, "openssl", "pkcs7", "-inform", "DER", "-in", p7.toString(), "-print_certs", "-out", "renewed.crt");
        String verify = Tool.runOk(work, "openssl", "verify", "-CAfile", system.demo("ca.crt").toString(),
                "-purpose", "sslclient", "renewed.crt");
        assertTrue(verify.contains("renewed.crt: OK"), verify);
        String newSubject = subject(work.resolve("renewed.crt"));
        assertEquals(subject(oldCert), newSubject, "the subject comes from the bank's records");
        assertFalse(newSubject.contains("attacker"), newSubject);

        assertEquals(200, system.curl(work, "GET", OVERVIEW, oldCert, oldKey, null, null).status(),
                "the old certificate keeps working until the new one is used");
        CurlResult firstUse = system.curl(work, "GET", OVERVIEW, work.resolve("renewed.crt"), work.resolve("renewed.key"), null, null);
        assertEquals(200, firstUse.status(), firstUse.body());
        assertTrue(firstUse.body().contains("\"serial\":\"" + serial(work.resolve("renewed.crt")) + "\""), firstUse.body());

        CurlResult oldAgain = system.curl(work, "GET", OVERVIEW, oldCert, oldKey, null, null);
        assertEquals(403, oldAgain.status());
        assertEquals("CERTIFICATE_SUPERSEDED", oldAgain.refusalCode());
        CurlResult oldRenewsAgain = system.curl(work, "POST", SIMPLEREENROLL, oldCert, oldKey, csr, PKCS10);
        assertEquals(403, oldRenewsAgain.status());
        assertEquals("CERTIFICATE_SUPERSEDED", oldRenewsAgain.refusalCode());
        Certificate old = system.bean(LoadCertificatePort.class).loadCertificate(new SerialNumber(
                new java.math.BigInteger(serial(oldCert), 16))).orElseThrow();
        assertEquals(CertificateStatus.SUPERSEDED, old.storedStatus());
        assertEquals(RevocationReason.SUPERSEDED, old.revocationReason());

        CurlResult tooEarly = refusedWithoutChange(work.resolve("renewed.crt"), work.resolve("renewed.key"), csr);
        assertEquals(403, tooEarly.status());
        assertEquals("OUTSIDE_RENEWAL_WINDOW", tooEarly.refusalCode());
    }

    @Test
    void requestWithoutClientCertificateIsRefused() throws Exception {
        CurlResult reply = refusedWithoutChange(null, null, newRequest("anon", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
        assertEquals(401, reply.status());
        assertEquals("NO_CLIENT_CERTIFICATE", reply.refusalCode());
        assertTrue(reply.body().contains("No client certificate"), reply.body());
    }

    /**
     * 7 MB announced (or streamed in chunks) without a client certificate: the refusal comes while the client has
     * sent one KiB and waits, so the server has not waited for the body, let alone read it.
     */
    @Test
    void aLargeBodyWithoutClientCertificateIsRefusedBeforeItIsRead() throws Exception {
        String declared = "Content-Length: " + 7 * 1024 * 1024 + "\r\n\r\n";
        String answer = postingOneKibOf(declared, "x".repeat(1024));
        assertTrue(answer.startsWith("HTTP/1.1 413") || answer.startsWith("HTTP/1.1 401"), answer);
        String chunked = "Transfer-Encoding: chunked\r\n\r\n";
        answer = postingOneKibOf(chunked, "400\r\n" + "x".repeat(1024) + "\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertTrue(answer.contains("NO_CLIENT_CERTIFICATE"), answer);
    }

    /** Sends the headers ending in {@code framing} and {@code body}, never the rest, and gives the answer's head. */
    private static String postingOneKibOf(String framing, String body) throws Exception {
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (java.io.InputStream in = Files.newInputStream(system.dataDir.resolve("tls").resolve("issuer.crt"))) {
            trusted.setCertificateEntry("anchor", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                .createSocket("localhost", system.server.getPort())) {
            // a bound on the wait, not a pause: the old server never answered within it
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST " + SIMPLEREENROLL + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: " + PKCS10 + "\r\n" + framing + body).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] head = new byte[4096];
            int n = 0;
            try {
                for (int read; n < head.length && (read = socket.getInputStream().read(head, n, head.length - n)) > 0; ) {
                    n += read;
                    if (new String(head, 0, n, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                if (n == 0) {
                    throw new AssertionError("no answer while the body was still due", e);
                }
            }
            return new String(head, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void malformedRequestsAreRefused() throws Exception {
        Credentials id = newIdWithCertificate("est-malformed", Duration.ofDays(30));
        Path notBase64 = Files.writeString(work.resolve("bad.txt"), "this is not base64 !!!");
        CurlResult reply = refusedWithoutChange(id.cert(), id.key(), notBase64);
        assertEquals(400, reply.status());
        assertEquals("MALFORMED_REQUEST", reply.refusalCode());

        Path garbage = Files.writeString(work.resolve("garbage.b64"), Base64.getEncoder().encodeToString("garbage".getBytes()));
        reply = refusedWithoutChange(id.cert(), id.key(), garbage);
        assertEquals(400, reply.status());
        assertEquals("MALFORMED_REQUEST", reply.refusalCode());
    }

    @Test
    void badlySignedRequestIsRefused() throws Exception {
        Credentials id = newIdWithCertificate("est-badsig", Duration.ofDays(30));
        newRequest("tampered", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        byte[] der = Files.readAllBytes(work.resolve("tampered.csr.der"));
        der[der.length - 1] ^= 0x01;
        Path tampered = Files.writeString(work.resolve("tampered.b64"), Base64.getMimeEncoder().encodeToString(der));

        CurlResult reply = refusedWithoutChange(id.cert(), id.key(), tampered);

        assertEquals(400, reply.status());
        assertEquals("BAD_REQUEST_SIGNATURE", reply.refusalCode());
    }

    @Test
    void weakKeyIsRefusedWithItsReason() throws Exception {
        Credentials id = newIdWithCertificate("est-weak", Duration.ofDays(30));
        CurlResult reply = refusedWithoutChange(id.cert(), id.key(), newRequest("weak", "rsa:1024"));
        assertEquals(400, reply.status());
        assertEquals("KEY_NOT_ACCEPTED", reply.refusalCode());
        assertTrue(reply.body().contains("1024"), reply.body());
    }

    @Test
    void certificateNotIssuedByTheBankIsRefused() throws Exception {
        Tool.runOk(work, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "self.key", "-out", "self.crt", "-days", "30", "-subj", "/CN=demo-user2/OU=0000001/O=Demo Trading Co./C=JP");
        CurlResult reply = refusedWithoutChange(work.resolve("self.crt"), work.resolve("self.key"),
                newRequest("self-renewed", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
        assertEquals(403, reply.status());
        assertEquals("UNKNOWN_CERTIFICATE", reply.refusalCode());
    }

    @Test
    void revokedCertificateIsRefused() throws Exception {
        Credentials id = newIdWithCertificate("est-revoked", Duration.ofDays(30));
        Certificate current = system.bean(LoadCertificatePort.class).loadCertificate(id.serial()).orElseThrow();
        system.bean(SaveCertificatePort.class).updateCertificate(current.revoke(RevocationReason.KEY_COMPROMISE, Instant.now()));

        CurlResult reply = refusedWithoutChange(id.cert(), id.key(), newRequest("after-revocation", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));

        assertEquals(403, reply.status());
        assertEquals("CERTIFICATE_REVOKED", reply.refusalCode());
    }

    @Test
    void aCertificateExpiredWithinTheGracePeriodRenewsOverEstAndIsGoodForNothingElse() throws Exception {
        Credentials id = newIdWithCertificate("est-expired", Duration.ofDays(30));
        MutableClock clock = system.bean(MutableClock.class);
        Instant before = clock.instant();
        clock.advance(Duration.ofDays(31));
        try {
            CurlResult overview = system.curl(work, "GET", OVERVIEW, id.cert(), id.key(), null, null);
            assertEquals(403, overview.status(), "expired: renewal only");
            assertEquals("CERTIFICATE_EXPIRED", overview.refusalCode());

            CurlResult reply = system.curl(work, "POST", SIMPLEREENROLL, id.cert(), id.key(),
                    newRequest("late", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"), PKCS10);

            assertEquals(200, reply.status(), reply.body());
            Path p7 = writeBase64Der(reply.body(), "late.p7");
            Tool.runOk(work, "openssl", "pkcs7", "-inform", "DER", "-in", p7.toString(), "-print_certs", "-out", "late.crt");
            // valid from its issuance at the server's (moved) time, for a year as any new certificate
            String verify = Tool.runOk(work, "openssl", "verify", "-attime", String.valueOf(clock.instant().getEpochSecond()),
                    "-CAfile", system.demo("ca.crt").toString(), "-purpose", "sslclient", "late.crt");
            assertTrue(verify.contains("late.crt: OK"), verify);
            String dates = Tool.runOk(work, "openssl", "x509", "-noout", "-startdate", "-enddate", "-in", "late.crt");
            java.time.format.DateTimeFormatter openssl = java.time.format.DateTimeFormatter
                    .ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);
            Instant notBefore = Instant.from(openssl.parse(dates.lines().filter(l -> l.startsWith("notBefore=")).findFirst()
                    .orElseThrow().substring("notBefore=".length()).strip()));
            assertTrue(Duration.between(notBefore, clock.instant()).abs().toMinutes() < 2, dates + " at " + clock.instant());
            assertEquals(subject(id.cert()), subject(work.resolve("late.crt")));
            CurlResult firstUse = system.curl(work, "GET", OVERVIEW, work.resolve("late.crt"), work.resolve("late.key"), null, null);
            assertEquals(200, firstUse.status(), firstUse.body());
        } finally {
            clock.set(before);
        }
    }

    @Test
    void afterTheGracePeriodAnExpiredCertificateIsRefusedNamingWhoCanReissue() throws Exception {
        Credentials id = newIdWithCertificate("est-too-late", Duration.ofDays(30));
        MutableClock clock = system.bean(MutableClock.class);
        Instant before = clock.instant();
        clock.advance(Duration.ofDays(30 + 90).plusMinutes(1));
        try {
            CurlResult reply = refusedWithoutChange(id.cert(), id.key(), newRequest("too-late", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
            assertEquals(403, reply.status());
            assertEquals("EXPIRED_REISSUE_BY_ADMINISTRATOR", reply.refusalCode());
            assertTrue(reply.body().contains("ask your administrator to re-issue it"), reply.body());
        } finally {
            clock.set(before);
        }
    }

    @Test
    void lockedIdCannotRenew() throws Exception {
        Credentials id = newIdWithCertificate("est-locked", Duration.ofDays(30));
        LoginAccount account = system.bean(LoadAccountPort.class).loadAccount(id.loginId()).orElseThrow();
        for (int i = 0; i < 6; i++) {
            account = account.recordFailedPassword(6);
        }
        system.bean(SaveAccountPort.class).updateAccount(account);

        CurlResult reply = refusedWithoutChange(id.cert(), id.key(), newRequest("locked", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));

        assertEquals(403, reply.status());
        assertEquals("ID_LOCKED", reply.refusalCode());
    }

    @Test
    void idOutsideItsRenewalWindowIsRefused() throws Exception {
        Credentials id = newIdWithCertificate("est-fresh", Duration.ofDays(365));
        CurlResult reply = refusedWithoutChange(id.cert(), id.key(), newRequest("early", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
        assertEquals(403, reply.status());
        assertEquals("OUTSIDE_RENEWAL_WINDOW", reply.refusalCode());
    }

    @Test
    void secondRenewalWhileOneIsOpenIsRefused() throws Exception {
        Credentials id = newIdWithCertificate("est-open", Duration.ofDays(30));
        AuthenticatedId who = system.bean(AuthenticateCertificateUseCase.class).authenticate(der(id.cert()));
        system.bean(StartRenewalUseCase.class).start(who);

        CurlResult reply = refusedWithoutChange(id.cert(), id.key(), newRequest("second", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));

        assertEquals(409, reply.status());
        assertEquals("RENEWAL_ALREADY_OPEN", reply.refusalCode());
    }

    /** Posts a renewal that must be refused, and checks that no certificate or renewal was stored. */
    private CurlResult refusedWithoutChange(Path cert, Path key, Path csr) throws Exception {
        long certificates = count("certificate");
        long renewals = count("renewal");
        CurlResult reply = system.curl(work, "POST", SIMPLEREENROLL, cert, key, csr, PKCS10);
        assertEquals(certificates, count("certificate"), "no certificate may be stored by a refused request");
        assertEquals(renewals, count("renewal"), "no renewal may be stored by a refused request");
        return reply;
    }

    private record Credentials(LoginId loginId, SerialNumber serial, Path cert, Path key) {
    }

    /** A new user ID of the demo contract with a certificate whose key openssl made. */
    private Credentials newIdWithCertificate(String name, Duration validity) throws Exception {
        LoginId loginId = new LoginId(name);
        new TestIds(system).userId(new ContractNumber("0000001"), loginId, "est-login-password");
        newRequest(name, "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        IssuedCertificate issued = new TestIds(system).firstCertificate(loginId,
                Files.readAllBytes(work.resolve(name + ".csr.der")), validity);
        Path der = Files.write(work.resolve(name + ".crt.der"), issued.certificate().der());
        Tool.runOk(work, "openssl", "x509", "-inform", "DER", "-in", der.toString(), "-out", name + ".crt");
        return new Credentials(loginId, issued.certificate().serial(), work.resolve(name + ".crt"), work.resolve(name + ".key"));
    }

    /** openssl makes a key and a PKCS#10 request claiming a subject of its own; returns the base64 body EST wants. */
    private Path newRequest(String name, String newKey, String... keyOptions) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl", "req", "-new", "-newkey", newKey));
        command.addAll(java.util.List.of(keyOptions));
        command.addAll(java.util.List.of("-nodes", "-keyout", name + ".key", "-subj", "/CN=attacker/O=Evil Corp",
                "-outform", "DER", "-out", name + ".csr.der"));
        Tool.runOk(work, command.toArray(String[]::new));
        byte[] der = Files.readAllBytes(work.resolve(name + ".csr.der"));
        return Files.writeString(work.resolve(name + ".csr.b64"), Base64.getMimeEncoder().encodeToString(der) + "\n");
    }

    /** Decodes the reply with the base64 tool, as the README tells a newcomer to. */
    private Path writeBase64Der(String base64, String file) throws Exception {
        Path encoded = Files.writeString(work.resolve(file + ".b64"), base64);
        Tool.runOk(work, "sh", "-c", "base64 -d < '" + encoded + "' > '" + work.resolve(file) + "'");
        return work.resolve(file);
    }

    private String subject(Path cert) throws Exception {
        return Tool.runOk(work, "openssl", "x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", cert.toString()).strip();
    }

    private String serial(Path cert) throws Exception {
        String line = Tool.runOk(work, "openssl", "x509", "-noout", "-serial", "-in", cert.toString()).strip();
        return new java.math.BigInteger(line.substring(line.indexOf('=') + 1), 16).toString(16);
    }

    private String fingerprint(Path cert) throws Exception {
        return Tool.runOk(work, "openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", cert.toString()).strip();
    }

    private byte[] der(Path pem) throws Exception {
        Tool.runOk(work, "openssl", "x509", "-in", pem.toString(), "-outform", "DER", "-out", "current.der");
        return Files.readAllBytes(work.resolve("current.der"));
    }

    /** Rows in a table, read through the application's own transaction port and connection. */
    private static long count(String table) {
        DataSource dataSource = system.bean(DataSource.class);
        return system.bean(TransactionPort.class).inTransaction(() -> {
            try (Statement statement = dataSource.getConnection().createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                rows.next();
                return rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
