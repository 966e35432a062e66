package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.IssueStaffCredentialPort.StaffCredential;
import certrenewal.domain.certificate.SerialNumber;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A staff member's console credential as OpenSSL reads it: the CA's signature, the staff profile, the PKCS#12. */
class StaffCredentialTest {
    private static final String PASSWORD = "Kx7pQ2mZ9wR4tY6uB3nV";

    @TempDir
    Path dir;

    @Test
    void theStaffCertificateVerifiesWithTheCaAndCarriesTheStaffProfile() throws Exception {
        StaffCredential credential = issue("tanaka", "5a17beef");
        OpenSsl.writePem(dir.resolve("staff.pem"), "CERTIFICATE", credential.certificateDer());

        String verified = OpenSsl.succeed(dir, "verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "staff.pem");
        assertTrue(verified.contains("staff.pem: OK"), verified);
        String text = OpenSsl.succeed(dir, "x509", "-in", "staff.pem", "-noout", "-text", "-nameopt", "oneline");
        assertTrue(text.contains("Subject: C = JP, O = Test Bank, OU = Staff, CN = tanaka"), text);
        assertTrue(text.contains("X509v3 Certificate Policies:"), text);
        assertTrue(text.contains("Policy: " + ClientCertificateProfile.STAFF_POLICY.getId()), text);
        assertTrue(text.contains("TLS Web Client Authentication"), text);
        assertTrue(text.contains("(0x5a17beef)"), text);
        assertTrue(text.contains("ASN1 OID: prime256v1"), text);
    }

    @Test
    void theCustomersCertificatesCarryNeitherTheStaffUnitNorThePolicy() throws Exception {
        CaKeyMaterial ca = ca();
        var authority = new BouncyCastleCertificateAuthority(ca, URI.create("http://pki.test/crl"), Optional.empty());
        Instant notBefore = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] customer = authority.sign(authority.checkRequest(ClientCredentials.certificationRequest(
                        ClientCredentials.generateEcP256(), "x")),
                new certrenewal.domain.certificate.SubjectName("JP", "Test Trading Co.", "C0001234", "user01"),
                SerialNumber.ofHex("77"), notBefore, notBefore.plus(Duration.ofDays(1))).der();
        OpenSsl.writePem(dir.resolve("customer.pem"), "CERTIFICATE", customer);

        String text = OpenSsl.succeed(dir, "x509", "-in", "customer.pem", "-noout", "-text");
        assertFalse(text.contains("Certificate Policies"), text);
        assertFalse(text.contains("OU = Staff"), text);
    }

    @Test
    void thePkcs12OpensWithItsOneTimePasswordOnlyAndHoldsTheKeyOfTheCertificate() throws Exception {
        StaffCredential credential = issue("sato", "0123abcd");
        Files.write(dir.resolve("sato.p12"), credential.pkcs12());
        OpenSsl.writePem(dir.resolve("staff.pem"), "CERTIFICATE", credential.certificateDer());

        String contents = OpenSsl.succeed(dir, "pkcs12", "-in", "sato.p12", "-passin", "pass:" + PASSWORD, "-nodes");
        assertTrue(contents.contains("-----BEGIN PRIVATE KEY-----"), contents);
        assertTrue(contents.contains("subject=C = JP, O = Test Bank, OU = Staff, CN = sato"), contents);
        assertTrue(contents.contains("subject=C = JP, O = Test Bank, CN = Test Bank Client CA"), "the CA rides along: " + contents);
        Files.writeString(dir.resolve("contents.pem"), contents);
        assertEquals(OpenSsl.succeed(dir, "x509", "-in", "staff.pem", "-noout", "-pubkey"),
                OpenSsl.succeed(dir, "pkey", "-in", "contents.pem", "-pubout"), "the key is the certificate's");
        assertNotEquals(0, OpenSsl.run(dir, "pkcs12", "-in", "sato.p12", "-passin", "pass:wrong", "-nodes").exitCode());
    }

    @Test
    void everyCredentialHasAKeyOfItsOwn() throws Exception {
        StaffCredential first = issue("tanaka", "01");
        StaffCredential second = issue("tanaka", "02");
        OpenSsl.writePem(dir.resolve("first.pem"), "CERTIFICATE", first.certificateDer());
        OpenSsl.writePem(dir.resolve("second.pem"), "CERTIFICATE", second.certificateDer());

        assertNotEquals(OpenSsl.succeed(dir, "x509", "-in", "first.pem", "-noout", "-pubkey"),
                OpenSsl.succeed(dir, "x509", "-in", "second.pem", "-noout", "-pubkey"));
    }

    private StaffCredential issue(String username, String serialHex) throws Exception {
        CaKeyMaterial ca = ca();
        OpenSsl.writePem(dir.resolve("ca.pem"), "CERTIFICATE", ca.certificate().getEncoded());
        var authority = new BouncyCastleCertificateAuthority(ca, URI.create("http://pki.test/crl"), Optional.empty());
        Instant notBefore = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        return authority.issueStaffCredential(username, SerialNumber.ofHex(serialHex), notBefore,
                notBefore.plus(Duration.ofDays(365)), PASSWORD.toCharArray());
    }

    private CaKeyMaterial ca() {
        return CaKeyStore.loadOrCreate(dir.resolve("ca.p12"), "ca-pw".toCharArray(), CaKeyType.P256,
                "CN=Test Bank Client CA,O=Test Bank,C=JP", Clock.systemUTC());
    }
}
