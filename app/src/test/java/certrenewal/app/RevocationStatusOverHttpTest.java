package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.EndToEnd.Tool;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateUseCase;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation status as relying parties get it, over the plain-HTTP listener of the running system: OCSP asked with
 * {@code openssl ocsp}, the CRL fetched with curl and checked with {@code openssl crl}; and that nothing else answers
 * there. Each test has a system of its own, since some revoke demo certificates.
 */
class RevocationStatusOverHttpTest {
    private static final Actor ADMINISTRATOR = new Actor.CustomerAdministrator(new LoginId("demo-admin"),
            new ContractNumber("0000001"));
    private static final String ADMIN_PASSWORD = "demo-password";

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    private EndToEnd system;

    @BeforeEach
    void start() {
        system = EndToEnd.start(dataDir);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void openSslGetsVerifiedAnswersGoodRevokedWithReasonAndUnknownWithTheNonceEchoed() throws Exception {
        String good = ocsp("-cert", demo("demo-user1.crt"));
        assertTrue(good.contains("Response verify OK"), good);
        assertTrue(good.contains("demo-user1.crt: good"), good);
        assertFalse(good.contains("WARNING: no nonce in response"), "openssl sent a nonce and got it back: " + good);
        assertFalse(good.contains("Nonce Verify error"), good);

        revoke("demo-user2.crt", RevocationReason.KEY_COMPROMISE);
        String revoked = ocsp("-cert", demo("demo-user2.crt"));
        assertTrue(revoked.contains("Response verify OK"), revoked);
        assertTrue(revoked.contains("demo-user2.crt: revoked"), "at once after the revocation: " + revoked);
        assertTrue(revoked.contains("Reason: keyCompromise"), revoked);
        assertTrue(revoked.contains("Revocation Time:"), revoked);

        String unknown = ocsp("-serial", "0x7e3a9c0b12f45d6e8a1b2c3d4e5f6071");
        assertTrue(unknown.contains("Response verify OK"), unknown);
        assertTrue(unknown.contains(": unknown"), "a serial the bank never issued: " + unknown);
        assertFalse(unknown.contains(": good"), unknown);
    }

    @Test
    void withoutANonceTheAnswerHasNoneAndWithOneItCarriesTheSame() throws Exception {
        String withoutNonce = ocsp("-no_nonce", "-resp_text", "-cert", demo("demo-user1.crt"));
        assertTrue(withoutNonce.contains("Response verify OK"), withoutNonce);
        assertTrue(withoutNonce.contains("demo-user1.crt: good"), withoutNonce);
        assertFalse(withoutNonce.contains("OCSP Nonce"), withoutNonce);

        String withNonce = ocsp("-resp_text", "-cert", demo("demo-user1.crt"));
        assertTrue(withNonce.contains("OCSP Nonce"), withNonce);
        assertTrue(withNonce.contains("Response verify OK"), "the nonce matches, else: Nonce Verify error: " + withNonce);
        assertTrue(withNonce.contains("Subject: CN=Certrenewal OCSP Responder"), "signed by the delegated responder: " + withNonce);
    }

    @Test
    void aGetWithTheRequestInThePathIsAnsweredAndJunkGetsMalformedRequestNotAnError() throws Exception {
        Tool.runOk(work, "openssl", "ocsp", "-issuer", demo("ca.crt"), "-cert", demo("demo-user1.crt"), "-no_nonce",
                "-reqout", "req.der");
        String path = "/ocsp/" + Base64.getEncoder().encodeToString(Files.readAllBytes(work.resolve("req.der")))
                .replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
        assertEquals("200", curl("-o", "get.der", system.plainUrl(path)));
        String answered = Tool.runOk(work, "openssl", "ocsp", "-respin", "get.der", "-issuer", demo("ca.crt"),
                "-CAfile", demo("ca.crt"), "-cert", demo("demo-user1.crt"), "-no_nonce");
        assertTrue(answered.contains("Response verify OK"), answered);
        assertTrue(answered.contains("demo-user1.crt: good"), answered);

        Files.writeString(work.resolve("junk.bin"), "this is no OCSP request");
        assertEquals("200", curl("-o", "junk.der", "-H", "Content-Type: application/ocsp-request",
                "--data-binary", "@junk.bin", system.plainUrl("/ocsp")));
        Tool.Result refused = Tool.run(work, List.of("openssl", "ocsp", "-respin", "junk.der", "-resp_text",
                "-noverify"));
        assertTrue(refused.output().contains("malformedrequest"), refused.output());
    }

    @Test
    void newCertificatesNameTheCrlAndTheOcspResponderOnThePlainHttpListener() throws Exception {
        String text = Tool.runOk(work, "openssl", "x509", "-in", demo("demo-user1.crt"), "-noout", "-text");
        assertTrue(text.contains("URI:http://localhost:8080/crl/ca.crl"), text);
        assertTrue(text.contains("OCSP - URI:http://localhost:8080/ocsp"), text);
    }

    @Test
    void theCrlOverPlainHttpVerifiesAndItsNumberIncreasesAfterARevocation() throws Exception {
        BigInteger before = fetchAndVerifyCrl("before.crl");

        revoke("demo-user2.crt", RevocationReason.AFFILIATION_CHANGED);
        BigInteger after = fetchAndVerifyCrl("after.crl");

        assertTrue(after.compareTo(before) > 0, before + " then " + after);
        String listed = Tool.runOk(work, "openssl", "crl", "-inform", "DER", "-in", "after.crl", "-noout", "-text");
        assertTrue(listed.contains("Serial Number: " + serial("demo-user2.crt").toUpperCase()), listed);
        assertTrue(listed.contains("Affiliation Changed"), listed);
        assertEquals("200", curl("-o", "https.crl", "--cacert", dataDir.resolve("tls").resolve("issuer.crt").toString(),
                system.url("/crl/ca.crl")), "still at the HTTPS path too");
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(work.resolve("after.crl")),
                Files.readAllBytes(work.resolve("https.crl"))), "the same stored CRL on both listeners");
    }

    @Test
    void thePlainHttpListenerServesNothingButTheCrlAndOcsp() throws Exception {
        for (String path : List.of("/login", "/", "/console", "/console/login", "/.well-known/est/cacerts",
                "/api/me/certificate", "/pickup", "/static/css/app.css", "/health", "/health/readiness", "/prometheus")) {
            assertEquals("404", curl("-o", "/dev/null", system.plainUrl(path)), path);
        }
        assertEquals("404", curl("-o", "/dev/null", "-X", "POST", "-H", "Content-Type: application/pkcs10",
                "--data-binary", "x", system.plainUrl("/.well-known/est/simplereenroll")));
        assertEquals("200", curl("-o", "/dev/null", system.plainUrl("/crl/ca.crl")));
        assertEquals("200", curl("-o", "/dev/null", "--cacert", dataDir.resolve("tls").resolve("issuer.crt").toString(),
                system.url("/login")), "HTTPS keeps everything else");
    }

    private String ocsp(String... what) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "ocsp", "-issuer", demo("ca.crt"),
                "-CAfile", demo("ca.crt"), "-url", system.plainUrl("/ocsp")));
        command.addAll(List.of(what));
        Tool.Result result = Tool.run(work, command);
        assertEquals(0, result.exitCode(), String.join(" ", command) + ":\n" + result.output());
        return result.output();
    }

    private String curl(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-s", "-w", "%{http_code}"));
        command.addAll(List.of(arguments));
        return Tool.runOk(work, command.toArray(String[]::new)).strip();
    }

    private BigInteger fetchAndVerifyCrl(String file) throws Exception {
        assertEquals("200", curl("-o", file, system.plainUrl("/crl/ca.crl")));
        String checked = Tool.runOk(work, "openssl", "crl", "-inform", "DER", "-in", file, "-CAfile", demo("ca.crt"),
                "-verify", "-noout", "-crlnumber");
        assertTrue(checked.contains("verify OK"), checked);
        Matcher number = Pattern.compile("crlNumber=0x([0-9A-Fa-f]+)").matcher(checked);
        assertTrue(number.find(), checked);
        return new BigInteger(number.group(1), 16);
    }

    private void revoke(String certificateFile, RevocationReason reason) throws Exception {
        system.bean(RevokeCertificateUseCase.class).revoke(new RevokeCertificateCommand(ADMINISTRATOR,
                SerialNumber.ofHex(serial(certificateFile)), reason, ADMIN_PASSWORD.toCharArray()));
    }

    private String serial(String certificateFile) throws Exception {
        String out = Tool.runOk(work, "openssl", "x509", "-in", demo(certificateFile), "-noout", "-serial");
        return out.strip().substring("serial=".length());
    }

    private String demo(String file) {
        return system.demo(file).toString();
    }
}
