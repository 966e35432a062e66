package certrenewal.adapters.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/** The HTTPS server's own certificate, issued by the CA so that one trust anchor serves both directions. */
public final class TlsServerCertificate {
    static final String ALIAS = "server";
    /** The longest validity browsers accept for a server certificate. */
    private static final Duration VALIDITY = Duration.ofDays(397);
    /** Replaced this long before it expires, so a restart renews it in time. */
    private static final Duration MINIMUM_REMAINING = Duration.ofDays(7);

    private TlsServerCertificate() {
    }

    /**
     * Issues a server certificate for a new EC P-256 key and writes key and chain (server, CA) under alias
     * {@value #ALIAS}. The subject's CN is the first DNS name, or the first IP address if there is none.
     *
     * @throws IllegalArgumentException if no name is given or an IP address is not IPv4 or IPv6
     */
    public static void writeKeyStore(CaKeyMaterial ca, Path pkcs12, char[] password, List<String> dnsNames,
                                     List<String> ipAddresses, Clock clock) {
        Objects.requireNonNull(ca, "CA key material must not be null");
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        ipAddresses.forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one DNS name or IP address");
        }
        String commonName = dnsNames.isEmpty() ? ipAddresses.getFirst() : dnsNames.getFirst();
        KeyPair keys = ClientCredentials.generateEcP256();
        X509Certificate certificate = issue(ca, keys, commonName, names, clock.instant());
        Pkcs12.write(pkcs12, ALIAS, keys.getPrivate(), List.of(certificate, ca.certificate()), password);
    }

    /** True when the file opens, holds a key and a certificate signed by {@code ca}, valid for at least 7 more days. */
    public static boolean isUsable(Path pkcs12, char[] password, X509Certificate ca, Clock clock) {
        if (!Files.isRegularFile(pkcs12)) {
            return false;
        }
        try {
            KeyStore store = Pkcs12.read(pkcs12, password);
            if (!(store.getKey(ALIAS, password) instanceof PrivateKey)
                    || !(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                return false;
            }
            certificate.verify(ca.getPublicKey(), Certificates.BC);
            Instant now = clock.instant();
            certificate.checkValidity(Date.from(now));
            certificate.checkValidity(Date.from(now.plus(MINIMUM_REMAINING)));
            return true;
        } catch (Exception e) {
            // any reason not to use it (wrong password, another CA, expiring, damaged) means: issue a new one
            return false;
        }
    }

    private static X509Certificate issue(CaKeyMaterial ca, KeyPair keys, String commonName, List<GeneralName> names,
                                         Instant now) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, new DERUTF8String(commonName))
                .build();
        SubjectPublicKeyInfo publicKey = Certificates.subjectPublicKeyInfo(keys.getPublic());
        // no certificate may outlive its CA
        Instant notAfter = min(now.plus(VALIDITY), ca.certificate().getNotAfter().toInstant());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                Certificates.randomSerial(), Certificates.date(now), Certificates.date(notAfter), subject, publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, Certificates.subjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            Certificates.authorityKeyIdentifier(ca.certificate()));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the server certificate's extensions", e);
        }
        return Certificates.sign(builder, ca.privateKey());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
