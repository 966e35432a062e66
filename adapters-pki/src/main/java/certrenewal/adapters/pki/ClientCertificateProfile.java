package certrenewal.adapters.pki;

import certrenewal.domain.certificate.SubjectName;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * The bank's client certificate profile (RFC 5280): everything a certificate says besides its subject and key. The
 * staff profile is the same plus OU=Staff in the subject and the {@link #STAFF_POLICY} certificate policy, so that
 * any relying party (and OpenSSL) can tell a staff member's console certificate from a customer's.
 */
final class ClientCertificateProfile {
    /**
     * The staff certificates' policy: an OID under the UUID arc 2.25 (ITU-T X.667), which needs no registration. A
     * bank with its own OID arc may replace it; the console's login relies on its own records, not on this marker.
     */
    static final ASN1ObjectIdentifier STAFF_POLICY = new ASN1ObjectIdentifier("2.25.108766568048285376608751549174120876729");
    /** The organizational unit of every staff certificate's subject. */
    static final String STAFF_UNIT = "Staff";
    private final X500Name issuer;
    /** The same in every certificate, so encoded once. */
    private final List<Extension> fixedExtensions;

    /** @param ocspResponder written into Authority Information Access when present */
    ClientCertificateProfile(X509Certificate ca, URI crlDistributionPoint, Optional<URI> ocspResponder) {
        // the CA's name exactly as encoded in its certificate, so that chain building matches byte for byte
        this.issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
        GeneralNames crlLocation = new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, crlDistributionPoint.toString()));
        List<Extension> extensions = new ArrayList<>(List.of(
                extension(Extension.basicConstraints, true, new BasicConstraints(false)),
                extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)),
                extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)),
                extension(Extension.authorityKeyIdentifier, false, Certificates.authorityKeyIdentifier(ca)),
                extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(crlLocation), null, null)}))));
        // RFC 5280, 4.2.2.1: where relying parties ask the OCSP responder about this certificate
        ocspResponder.ifPresent(uri -> extensions.add(extension(Extension.authorityInfoAccess, false,
                new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString()))))));
        this.fixedExtensions = List.copyOf(extensions);
    }

    X509v3CertificateBuilder certificate(SubjectPublicKeyInfo key, SubjectName subject, BigInteger serial,
                                         Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                Date.from(notAfter), subjectName(subject), key);
        try {
            for (Extension extension : fixedExtensions) {
                builder.addExtension(extension);
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, Certificates.subjectKeyIdentifier(key));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the certificate's extensions", e);
        }
        return builder;
    }

    /** A staff member's console certificate: the customers' profile plus the {@link #STAFF_POLICY} policy. */
    X509v3CertificateBuilder staffCertificate(SubjectPublicKeyInfo key, SubjectName subject, BigInteger serial,
                                              Instant notBefore, Instant notAfter) {
        if (!STAFF_UNIT.equals(subject.organizationalUnit())) {
            throw new IllegalArgumentException("a staff certificate's subject has OU=" + STAFF_UNIT);
        }
        X509v3CertificateBuilder builder = certificate(key, subject, serial, notBefore, notAfter);
        try {
            builder.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(STAFF_POLICY)));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the certificate policies", e);
        }
        return builder;
    }

    /**
     * C, O, OU, CN in this order (OpenSSL shows them so). Values are given typed, not as strings: BouncyCastle would
     * read a string starting with '#' as hex-encoded DER.
     */
    static X500Name subjectName(SubjectName subject) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, new DERPrintableString(subject.country()))
                .addRDN(BCStyle.O, new DERUTF8String(subject.organization()))
                .addRDN(BCStyle.OU, new DERUTF8String(subject.organizationalUnit()))
                .addRDN(BCStyle.CN, new DERUTF8String(subject.commonName()))
                .build();
    }

    private static Extension extension(ASN1ObjectIdentifier type, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(type, critical, value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode extension " + type, e);
        }
    }
}
