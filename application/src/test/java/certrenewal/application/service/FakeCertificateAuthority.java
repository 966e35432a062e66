package certrenewal.application.service;

import certrenewal.application.port.out.CertificateRequestRejectedException;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.IssueStaffCredentialPort;
import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Collections;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A certificate authority that issues real (EC P-256) X.509 certificates, so that the services can
 * parse what they hand out, and that records what it signed. It can be told to refuse requests,
 * to fail while signing, or to fail to give its chain. Its CRLs are not DER, only a readable
 * stand-in naming their number; what each was asked to list is recorded.
 */
final class FakeCertificateAuthority implements CertificateAuthorityPort, IssueStaffCredentialPort {
    static final String ISSUER = "CN=Fake Issuing CA,O=Test Bank,C=JP";

    private static final KeyPair CA_KEY = newKeyPair();
    private static final KeyPair FORGER_KEY = newKeyPair();

    private final byte[] caCertificate;
    private final List<Signed> signed = new ArrayList<>();
    private final List<byte[]> checkedRequests = new ArrayList<>();
    private Rejection refusal;
    private RuntimeException signingFailure;
    private RuntimeException chainFailure;
    private Runnable whileChecking = () -> { };
    private final List<SignedCrl> crls = Collections.synchronizedList(new ArrayList<>());
    private volatile RuntimeException crlFailure;

    /** What the CA was asked to sign. */
    record Signed(SubjectName subject, SerialNumber serial, Instant notBefore, Instant notAfter, byte[] der) {
    }

    /** What the CA was asked to put in a CRL. */
    record SignedCrl(List<RevokedCertificate> revoked, Instant thisUpdate, Instant nextUpdate, BigInteger crlNumber) {
        byte[] der() {
            return standIn(crlNumber);
        }
    }

    static byte[] standIn(BigInteger crlNumber) {
        return ("fake CRL #" + crlNumber).getBytes(StandardCharsets.US_ASCII);
    }

    FakeCertificateAuthority() {
        Instant now = Instant.parse("2020-01-01T00:00:00Z");
        caCertificate = build(CA_KEY.getPrivate(), new X500Principal(ISSUER), new X500Principal(ISSUER),
                SerialNumber.ofHex("01"), now, now.plusSeconds(20L * 365 * 86_400),
                SubjectPublicKeyInfo.getInstance(CA_KEY.getPublic().getEncoded()));
    }

    // ---- controls ----

    /** Every later request is refused with this rejection, as a bad key or signature would be. */
    void refuseRequests(Rejection rejection) {
        refusal = rejection;
    }

    /** Every later signing throws this, as a failing HSM would. */
    void failSigning(RuntimeException failure) {
        signingFailure = failure;
    }

    /** Every later CRL signing throws this; null signs again. */
    void failCrlSigning(RuntimeException failure) {
        crlFailure = failure;
    }

    /** The CRLs signed, in order. */
    List<SignedCrl> crls() {
        synchronized (crls) {
            return List.copyOf(crls);
        }
    }

    SignedCrl lastCrl() {
        return crls().getLast();
    }

    void failCaCertificates(RuntimeException failure) {
        chainFailure = failure;
    }

    /** Runs once, while the next request is being checked: lets a test act as a concurrent request. */
    void whileChecking(Runnable action) {
        whileChecking = action;
    }

    List<Signed> signed() {
        return List.copyOf(signed);
    }

    int checkedRequests() {
        return checkedRequests.size();
    }

    // ---- requests a customer's browser or EST client would send ----

    /** A real PKCS#10 request for a fresh key, whose subject claims to be {@code claimedSubject}. */
    static byte[] request(String claimedSubject) {
        return request(newKeyPair(), claimedSubject);
    }

    /** A real PKCS#10 request for {@code key}. */
    static byte[] request(KeyPair key, String claimedSubject) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Principal(claimedSubject), key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()))
                    .getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] request() {
        return request("CN=someone-else,O=Evil Corp,C=US");
    }

    /** A request whose signature does not verify. */
    static byte[] requestWithBadSignature() {
        byte[] request = request();
        request[request.length - 1] ^= 0x01;
        return request;
    }

    /** A certificate with this serial and subject, but signed by someone else: same serial, different bytes. */
    static byte[] forge(SerialNumber serial, SubjectName subject, Instant notBefore, Instant notAfter) {
        return build(FORGER_KEY.getPrivate(), new X500Principal(ISSUER), new X500Principal(subject.rfc4514()),
                serial, notBefore, notAfter, SubjectPublicKeyInfo.getInstance(newKeyPair().getPublic().getEncoded()));
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    // ---- IssueStaffCredentialPort ----

    /** A real certificate (subject OU=Staff) for a fresh key; the "PKCS#12" is a readable stand-in naming its password. */
    @Override
    public StaffCredential issueStaffCredential(String username, SerialNumber serial, Instant notBefore, Instant notAfter,
                                                char[] pkcs12Password) {
        if (signingFailure != null) {
            throw signingFailure;
        }
        SubjectName subject = new SubjectName("JP", "Test Bank", "Staff", username);
        byte[] der = build(CA_KEY.getPrivate(), new X500Principal(ISSUER), new X500Principal(subject.rfc4514()),
                serial, notBefore, notAfter, SubjectPublicKeyInfo.getInstance(newKeyPair().getPublic().getEncoded()));
        signed.add(new Signed(subject, serial, notBefore, notAfter, der));
        return new StaffCredential(der, ("fake PKCS#12 of " + username + " under " + new String(pkcs12Password))
                .getBytes(StandardCharsets.UTF_8));
    }

    // ---- CertificateAuthorityPort ----

    @Override
    public CheckedRequest checkRequest(byte[] pkcs10Der) {
        checkedRequests.add(pkcs10Der.clone());
        Runnable action = whileChecking;
        whileChecking = () -> { };
        action.run();
        if (refusal != null) {
            throw new CertificateRequestRejectedException(refusal);
        }
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(pkcs10Der);
        } catch (Exception e) {
            throw new CertificateRequestRejectedException(Rejection.of(Code.MALFORMED_REQUEST));
        }
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()));
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new CertificateRequestRejectedException(Rejection.of(Code.BAD_REQUEST_SIGNATURE));
        }
        try {
            return new CheckedRequest(request.getSubjectPublicKeyInfo().getEncoded(), "EC P-256");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public SignedCertificate sign(CheckedRequest request, SubjectName subject, SerialNumber serial,
                                  Instant notBefore, Instant notAfter) {
        if (signingFailure != null) {
            throw signingFailure;
        }
        byte[] der = build(CA_KEY.getPrivate(), new X500Principal(ISSUER), new X500Principal(subject.rfc4514()),
                serial, notBefore, notAfter, SubjectPublicKeyInfo.getInstance(request.subjectPublicKeyInfo()));
        signed.add(new Signed(subject, serial, notBefore, notAfter, der));
        return new SignedCertificate(der, fingerprint(der), ISSUER);
    }

    @Override
    public byte[] signCrl(List<RevokedCertificate> revoked, Instant thisUpdate, Instant nextUpdate, BigInteger crlNumber) {
        RuntimeException failure = crlFailure;
        if (failure != null) {
            throw failure;
        }
        SignedCrl crl = new SignedCrl(List.copyOf(revoked), thisUpdate, nextUpdate, crlNumber);
        crls.add(crl);
        return crl.der();
    }

    @Override
    public void checkSigningKey() {
        if (chainFailure != null) {
            throw chainFailure;
        }
    }

    @Override
    public List<byte[]> caCertificates() {
        if (chainFailure != null) {
            throw chainFailure;
        }
        return List.of(caCertificate.clone());
    }

    byte[] caCertificate() {
        return caCertificate.clone();
    }

    static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] build(PrivateKey signer, X500Principal issuer, X500Principal subject, SerialNumber serial,
                                Instant notBefore, Instant notAfter, SubjectPublicKeyInfo key) {
        try {
            return new X509v3CertificateBuilder(X500Name.getInstance(issuer.getEncoded()), serial.value(),
                    Date.from(notBefore), Date.from(notAfter), X500Name.getInstance(subject.getEncoded()), key)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer))
                    .getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
