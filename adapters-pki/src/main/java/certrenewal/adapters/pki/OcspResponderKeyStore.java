package certrenewal.adapters.pki;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * The delegated OCSP responder's key (RFC 6960, 4.2.2.2) in a password-protected PKCS#12 file (alias
 * {@value #ALIAS}) beside the CA's: a certificate issued by the CA with extended key usage id-kp-OCSPSigning and
 * the id-pkix-ocsp-nocheck extension, so that relying parties trust its answers without asking about the responder
 * itself. It is short-lived for that reason: made here (embedded default) for {@value #VALIDITY_DAYS} days and made
 * anew when less than {@value #RENEW_BEFORE_DAYS} remain; in production it is the operator's, loaded and never
 * written.
 */
public final class OcspResponderKeyStore {
    static final String ALIAS = "ocsp";
    static final String COMMON_NAME = "Certrenewal OCSP Responder";
    private static final String KIND = "OCSP responder key store";
    static final int VALIDITY_DAYS = 90;
    static final int RENEW_BEFORE_DAYS = 30;
    private static final int DIGITAL_SIGNATURE = 0;

    private OcspResponderKeyStore() {
    }

    /** What a start (or a periodic check) did to the key store. */
    public enum Written {
        NOTHING,
        /** there was none */
        CREATED,
        /** its certificate would expire within {@value #RENEW_BEFORE_DAYS} days, or the CA that issued it is not the CA now */
        RENEWED
    }

    /** The responder's key and what was written to get it. */
    public record Loaded(OcspSigningKeyMaterial material, Written written) {
    }

    /**
     * Development: loads the responder key from {@code pkcs12}, or issues a new one from {@code ca} there when the
     * file is missing, when its certificate expires within {@value #RENEW_BEFORE_DAYS} days, or when {@code ca} did
     * not issue it. A file that cannot be opened is left alone and refused, never overwritten.
     *
     * @throws UnusableKeyStoreException naming the file and the problem, without any password
     */
    public static Loaded loadOrIssue(Path pkcs12, char[] password, CaKeyMaterial ca, Clock clock) {
        Objects.requireNonNull(ca, "CA key material must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        if (!Files.exists(pkcs12, LinkOption.NOFOLLOW_LINKS)) {
            return new Loaded(issue(pkcs12, password, ca, clock), Written.CREATED);
        }
        OcspSigningKeyMaterial existing = read(pkcs12, password);
        Instant renewFrom = existing.certificate().getNotAfter().toInstant().minus(Duration.ofDays(RENEW_BEFORE_DAYS));
        if (!KeyStoreFiles.isIssuedBy(existing.certificate(), ca.certificate()) || !clock.instant().isBefore(renewFrom)) {
            return new Loaded(issue(pkcs12, password, ca, clock), Written.RENEWED);
        }
        requireResponderCertificate(pkcs12, existing.certificate(), ca.certificate(), clock);
        return new Loaded(existing, Written.NOTHING);
    }

    /**
     * Production: the operator's key store, used as it is. Its key entry {@value #ALIAS} must hold an EC or RSA
     * (2048 bits or more) key with a certificate issued by {@code ca}, valid now, with extended key usage
     * id-kp-OCSPSigning.
     *
     * @throws UnusableKeyStoreException naming the file and the problem, without any password
     */
    public static OcspSigningKeyMaterial load(Path pkcs12, char[] password, X509Certificate ca, Clock clock) {
        Objects.requireNonNull(ca, "CA certificate must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        OcspSigningKeyMaterial material = read(pkcs12, password);
        requireResponderCertificate(pkcs12, material.certificate(), ca, clock);
        return material;
    }

    private static OcspSigningKeyMaterial read(Path pkcs12, char[] password) {
        Objects.requireNonNull(pkcs12, "key store path must not be null");
        Objects.requireNonNull(password, "key store password must not be null");
        KeyStoreFiles.KeyEntry entry = KeyStoreFiles.keyEntry(KIND, pkcs12, password, ALIAS);
        KeyStoreFiles.requireSigningKey(KIND, pkcs12, entry.privateKey(), entry.certificate().getPublicKey());
        return new OcspSigningKeyMaterial(entry.privateKey(), entry.certificate());
    }

    private static void requireResponderCertificate(Path pkcs12, X509Certificate certificate, X509Certificate ca,
                                                    Clock clock) {
        if (!KeyStoreFiles.isIssuedBy(certificate, ca)) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds a certificate not issued by the client CA ("
                    + certificate.getIssuerX500Principal() + "): relying parties accept only the CA's delegated"
                    + " responder");
        }
        List<String> purposes;
        try {
            purposes = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            purposes = null;
        }
        if (purposes == null || !purposes.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds a certificate without extended key usage"
                    + " id-kp-OCSPSigning (" + certificate.getSubjectX500Principal() + ")");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds a certificate whose key usage does not allow"
                    + " digital signatures (" + certificate.getSubjectX500Principal() + ")");
        }
        KeyStoreFiles.requireCurrentlyValid(KIND, pkcs12, certificate, clock);
    }

    private static OcspSigningKeyMaterial issue(Path pkcs12, char[] password, CaKeyMaterial ca, Clock clock) {
        KeyPair keys = ClientCredentials.generateEcP256();
        X509Certificate certificate = responderCertificate(ca, keys, clock.instant());
        Pkcs12.write(pkcs12, ALIAS, keys.getPrivate(), List.of(certificate, ca.certificate()), password);
        return new OcspSigningKeyMaterial(keys.getPrivate(), certificate);
    }

    /** Never valid beyond the CA's own certificate. */
    static X509Certificate responderCertificate(CaKeyMaterial ca, KeyPair keys, Instant now) {
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        X500Name subject = new X500Name("CN=" + COMMON_NAME);
        SubjectPublicKeyInfo publicKey = Certificates.subjectPublicKeyInfo(keys.getPublic());
        Instant notAfter = now.plus(Duration.ofDays(VALIDITY_DAYS));
        Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter)) {
            notAfter = caNotAfter;
        }
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, Certificates.randomSerial(),
                Certificates.date(now), Certificates.date(notAfter), subject, publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning))
                    // RFC 6960, 4.2.2.2.1: relying parties need not check the responder's own status
                    .addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE)
                    .addExtension(Extension.subjectKeyIdentifier, false, Certificates.subjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            Certificates.authorityKeyIdentifier(ca.certificate()));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the OCSP responder certificate's extensions", e);
        }
        return Certificates.sign(builder, ca.privateKey());
    }
}
