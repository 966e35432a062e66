package certrenewal.adapters.pki;

import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.IssueStaffCredentialPort;
import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * A software CA that signs the bank's client certificates with BouncyCastle: the customers' from their requests, the
 * staff members' console certificates with the staff profile for a key pair made here. Thread-safe.
 */
public final class BouncyCastleCertificateAuthority implements CertificateAuthorityPort, IssueStaffCredentialPort {
    /** What {@link #checkSigningKey()} signs. */
    private static final byte[] PROBE = "certrenewal CA key health check".getBytes(StandardCharsets.US_ASCII);
    private final byte[] caCertificate;
    private final String issuer;
    private final CertificationRequestCheck requestCheck;
    private final ClientCertificateProfile profile;
    private final RevocationListProfile revocationList;
    private final SignerPool signers;
    private final PreIssuanceCheck preIssuanceCheck;
    private final PublicKey caPublicKey;
    private final X509Certificate caX509;
    /** The bank's name in the staff certificates' subjects: the CA's own O, as in its certificate. */
    private final String staffOrganization;

    /** Certificates without an OCSP responder in Authority Information Access. */
    public BouncyCastleCertificateAuthority(CaKeyMaterial ca, URI crlDistributionPoint) {
        this(ca, crlDistributionPoint, Optional.empty());
    }

    /**
     * @param crlDistributionPoint where relying parties fetch the CRL; written into every certificate
     * @param ocspResponder where relying parties ask the OCSP responder; written into every certificate's Authority
     *     Information Access when present
     */
    public BouncyCastleCertificateAuthority(CaKeyMaterial ca, URI crlDistributionPoint, Optional<URI> ocspResponder) {
        this(ca, crlDistributionPoint, ocspResponder, SignatureCode.AWS_LC_WHERE_USABLE);
    }

    /**
     * @param crlDistributionPoint where relying parties fetch the CRL; written into every certificate
     * @param ocspResponder where relying parties ask the OCSP responder; written into every certificate's Authority
     *     Information Access when present
     * @param signatureCode what makes and checks the signatures of a CA key in memory, and checks the requests'
     */
    public BouncyCastleCertificateAuthority(CaKeyMaterial ca, URI crlDistributionPoint, Optional<URI> ocspResponder,
                                            SignatureCode signatureCode) {
        Objects.requireNonNull(ca, "CA key material must not be null");
        Objects.requireNonNull(crlDistributionPoint, "CRL distribution point must not be null");
        Objects.requireNonNull(ocspResponder, "OCSP responder must not be null (empty for none)");
        try {
            this.caCertificate = ca.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the CA certificate cannot be encoded", e);
        }
        this.issuer = ca.certificate().getSubjectX500Principal().getName(X500Principal.RFC2253);
        RequestKeyPolicy keyPolicy = new RequestKeyPolicy();
        SignatureProviders providers = SignatureProviders.of(signatureCode);
        this.requestCheck = new CertificationRequestCheck(keyPolicy, providers);
        this.profile = new ClientCertificateProfile(ca.certificate(), crlDistributionPoint, ocspResponder);
        this.revocationList = new RevocationListProfile(ca.certificate());
        this.signers = new SignerPool(ca.privateKey(), providers);
        this.preIssuanceCheck = new PreIssuanceCheck(ca.certificate(), keyPolicy, providers);
        this.caPublicKey = ca.certificate().getPublicKey();
        this.caX509 = ca.certificate();
        this.staffOrganization = organizationOf(ca.certificate());
    }

    /** The provider that makes the CA's signatures, by name: AWS-LC's, BouncyCastle's, or {@code token} (PKCS#11). */
    String signingProvider() {
        return signers.signingProvider();
    }

    /** Signs {@link #PROBE} with a signer of the pool (the same path as certificates and CRLs) and verifies it. */
    @Override
    public void checkSigningKey() {
        signers.withSigner(signer -> {
            byte[] signature;
            try (OutputStream out = signer.getOutputStream()) {
                out.write(PROBE);
            } catch (IOException e) {
                throw new IllegalStateException("the CA key cannot sign: " + e.getMessage(), e);
            }
            signature = signer.getSignature();
            try {
                ContentVerifier verifier = new JcaContentVerifierProviderBuilder()
                        .setProvider(Certificates.BC).build(caPublicKey).get(signer.getAlgorithmIdentifier());
                try (OutputStream out = verifier.getOutputStream()) {
                    out.write(PROBE);
                }
                if (!verifier.verify(signature)) {
                    throw new IllegalStateException("a signature of the CA key does not verify with the CA certificate");
                }
            } catch (OperatorCreationException | IOException e) {
                throw new IllegalStateException("the CA key's signature cannot be verified: " + e.getMessage(), e);
            }
            return null;
        });
    }

    @Override
    public CheckedRequest checkRequest(byte[] pkcs10Der) {
        return requestCheck.check(pkcs10Der);
    }

    /**
     * @throws IllegalArgumentException if a validity time has a fraction of a second (X.509 cannot say it, and the
     *                                  record must match the certificate) or the period is empty
     * @throws IllegalStateException    if the signed certificate fails the pre-issuance check
     */
    @Override
    public SignedCertificate sign(CheckedRequest request, SubjectName subject, SerialNumber serial,
                                  Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(subject, "subject must not be null");
        Objects.requireNonNull(serial, "serial number must not be null");
        requireValidity(notBefore, notAfter);
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(request.subjectPublicKeyInfo());
        byte[] der;
        try {
            der = signers.sign(profile.certificate(key, subject, serial.value(), notBefore, notAfter)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the signed certificate", e);
        }
        preIssuanceCheck.check(der, new PreIssuanceCheck.Order(subject, serial, notBefore, notAfter,
                request.subjectPublicKeyInfo()));
        return new SignedCertificate(der, sha256Fingerprint(der), issuer);
    }

    /**
     * @throws IllegalArgumentException if thisUpdate or nextUpdate has a fraction of a second (X.509 cannot say it,
     *                                  and the caller's record must match the CRL), nextUpdate is not after
     *                                  thisUpdate, or the CRL number is negative or longer than 20 octets
     */
    @Override
    public byte[] signCrl(List<RevokedCertificate> revoked, Instant thisUpdate, Instant nextUpdate, BigInteger crlNumber) {
        requireWholeSeconds(thisUpdate, "thisUpdate");
        requireWholeSeconds(nextUpdate, "nextUpdate");
        if (!thisUpdate.isBefore(nextUpdate)) {
            throw new IllegalArgumentException("thisUpdate must be before nextUpdate");
        }
        return signers.withSigner(signer -> revocationList.sign(signer, revoked, thisUpdate, nextUpdate, crlNumber));
    }

    /**
     * A new EC P-256 key pair and its staff certificate (subject C=JP, O=the CA's organization, OU=Staff,
     * CN=username; the customers' profile plus the staff policy), checked before it leaves, in a PKCS#12 with the CA
     * certificate under {@code pkcs12Password}. The key is in the returned bytes only.
     */
    @Override
    public StaffCredential issueStaffCredential(String username, SerialNumber serial, Instant notBefore, Instant notAfter,
                                                char[] pkcs12Password) {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(serial, "serial number must not be null");
        Objects.requireNonNull(pkcs12Password, "password must not be null");
        requireValidity(notBefore, notAfter);
        KeyPair keys = ClientCredentials.generateEcP256();
        byte[] publicKey = keys.getPublic().getEncoded();
        SubjectName subject = new SubjectName("JP", staffOrganization, ClientCertificateProfile.STAFF_UNIT, username);
        byte[] der;
        try {
            der = signers.sign(profile.staffCertificate(SubjectPublicKeyInfo.getInstance(publicKey), subject,
                    serial.value(), notBefore, notAfter)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the signed certificate", e);
        }
        preIssuanceCheck.check(der, new PreIssuanceCheck.Order(subject, serial, notBefore, notAfter, publicKey));
        X509Certificate certificate = Certificates.parse(der);
        if (certificate.getExtensionValue(org.bouncycastle.asn1.x509.Extension.certificatePolicies.getId()) == null) {
            throw new IllegalStateException("refusing to issue: the staff certificate lacks the staff policy");
        }
        byte[] pkcs12 = Pkcs12.encode(username, keys.getPrivate(), List.of(certificate, caX509), pkcs12Password);
        return new StaffCredential(der, pkcs12);
    }

    private static String organizationOf(X509Certificate ca) {
        RDN[] organizations = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.O);
        return organizations.length == 0 ? "Bank" : IETFUtils.valueToString(organizations[0].getFirst().getValue());
    }

    @Override
    public List<byte[]> caCertificates() {
        return List.of(caCertificate.clone());
    }

    /** The validity a certificate can state exactly, and not empty. */
    private static void requireValidity(Instant notBefore, Instant notAfter) {
        requireWholeSeconds(notBefore, "notBefore");
        requireWholeSeconds(notAfter, "notAfter");
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("notBefore must be before notAfter");
        }
    }

    private static void requireWholeSeconds(Instant instant, String name) {
        Objects.requireNonNull(instant, name + " must not be null");
        if (!instant.truncatedTo(ChronoUnit.SECONDS).equals(instant)) {
            throw new IllegalArgumentException(name + " must be a whole second");
        }
    }

    private static String sha256Fingerprint(byte[] der) {
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(der, 0, der.length);
        byte[] digest = new byte[sha256.getDigestSize()];
        sha256.doFinal(digest, 0);
        return HexFormat.of().withUpperCase().formatHex(digest);
    }
}
