package certrenewal.adapters.pki;

import certrenewal.application.port.out.CertificateRequestRejectedException;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Checks a signed certificate against the order and the profile before it leaves the CA, like the linting of
 * Boulder and EJBCA. It reads the certificate with the JDK's parser, independent of BouncyCastle that built it.
 */
final class PreIssuanceCheck {
    private static final String CLIENT_AUTH = KeyPurposeId.id_kp_clientAuth.getId();
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;

    private final X509Certificate ca;
    private final SignatureProviders.CheckingKey caKey;
    private final RequestKeyPolicy keyPolicy;

    PreIssuanceCheck(X509Certificate ca, RequestKeyPolicy keyPolicy, SignatureProviders providers) {
        this.ca = ca;
        this.caKey = providers.prepare(ca.getPublicKey());
        this.keyPolicy = keyPolicy;
    }

    /** What the certificate must say. */
    record Order(SubjectName subject, SerialNumber serial, Instant notBefore, Instant notAfter,
                 byte[] subjectPublicKeyInfo) {
    }

    /** @throws IllegalStateException naming the first check that failed; nothing may be issued then */
    void check(byte[] der, Order order) {
        X509Certificate certificate;
        try {
            certificate = Certificates.parse(der);
            caKey.verify(certificate);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw failed("it does not parse or its signature does not verify with the CA key", e);
        }
        require(certificate.getVersion() == 3, "it is not X.509 v3");
        require(certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal()), "its issuer is not the CA");
        require(hasSubject(certificate, order.subject()), "its subject is not " + order.subject());
        require(certificate.getSerialNumber().equals(order.serial().value()), "its serial number is not " + order.serial());
        require(certificate.getNotBefore().toInstant().equals(order.notBefore()), "its notBefore is not " + order.notBefore());
        require(certificate.getNotAfter().toInstant().equals(order.notAfter()), "its notAfter is not " + order.notAfter());
        require(!certificate.getNotAfter().after(ca.getNotAfter()), "it would outlive the CA certificate");
        require(Arrays.equals(certificate.getPublicKey().getEncoded(), order.subjectPublicKeyInfo()),
                "its public key is not the requested one");
        requireAcceptedKey(order.subjectPublicKeyInfo());
        require(certificate.getBasicConstraints() == -1, "it is a CA certificate");
        boolean[] keyUsage = certificate.getKeyUsage();
        require(keyUsage != null && keyUsage[DIGITAL_SIGNATURE] && !keyUsage[KEY_CERT_SIGN],
                "its key usage is not digitalSignature");
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        require(critical.contains(Extension.basicConstraints.getId()) && critical.contains(Extension.keyUsage.getId()),
                "basicConstraints and keyUsage are not both critical");
        require(extendedKeyUsage(certificate).contains(CLIENT_AUTH), "its extended key usage lacks clientAuth");
        for (ASN1ObjectIdentifier required : List.of(Extension.subjectKeyIdentifier,
                Extension.authorityKeyIdentifier, Extension.cRLDistributionPoints)) {
            require(certificate.getExtensionValue(required.getId()) != null, "it lacks extension " + required);
        }
    }

    private static boolean hasSubject(X509Certificate certificate, SubjectName expected) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs();
        return rdns.length == 4
                && hasValue(rdns[0], BCStyle.C, expected.country())
                && hasValue(rdns[1], BCStyle.O, expected.organization())
                && hasValue(rdns[2], BCStyle.OU, expected.organizationalUnit())
                && hasValue(rdns[3], BCStyle.CN, expected.commonName());
    }

    private static boolean hasValue(RDN rdn, ASN1ObjectIdentifier type, String value) {
        return !rdn.isMultiValued()
                && rdn.getFirst().getType().equals(type)
                && rdn.getFirst().getValue() instanceof ASN1String string
                && string.getString().equals(value);
    }

    private void requireAcceptedKey(byte[] subjectPublicKeyInfo) {
        try {
            keyPolicy.describeAcceptedKey(SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo));
        } catch (CertificateRequestRejectedException e) {
            throw failed("its key is not accepted: " + e.getMessage(), e);
        }
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null ? List.of() : usages;
        } catch (CertificateParsingException e) {
            throw failed("its extended key usage does not parse", e);
        }
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw failed(failure, null);
        }
    }

    private static IllegalStateException failed(String failure, Exception cause) {
        return new IllegalStateException("Pre-issuance check failed, certificate not issued: " + failure, cause);
    }
}
