package certrenewal.adapters.pki;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

/**
 * The HTTPS server's own key store. In production it is the operator's, used as it is and never written. On the
 * development default it is issued by a development TLS issuer of its own ({@link DevelopmentTlsIssuer}), never by
 * the client CA: whoever trusts the client CA for client certificates must not thereby trust servers.
 */
public final class TlsServerCertificate {
    static final String ALIAS = "server";
    private static final String KIND = "TLS key store";
    /** The longest validity browsers accept for a server certificate. */
    private static final Duration VALIDITY = Duration.ofDays(397);
    /** A development certificate is replaced this long before it expires, so a restart renews it in time. */
    private static final Duration MINIMUM_REMAINING = Duration.ofDays(7);
    private static final int DIGITAL_SIGNATURE = 0;
    private static final String SERVER_AUTH = KeyPurposeId.id_kp_serverAuth.getId();
    private static final String ANY_EXTENDED_KEY_USAGE = KeyPurposeId.anyExtendedKeyUsage.getId();

    private TlsServerCertificate() {
    }

    /** What this start did to the key store. */
    public enum Written {
        NOTHING,
        /** there was none */
        CREATED,
        /** the development certificate was about to expire */
        RENEWED,
        /** it held a certificate from the client CA, as earlier versions wrote them */
        REPLACED_CERTIFICATE_OF_THE_CLIENT_CA
    }

    /** The key store the server will read and the certificate it will present. */
    public record ServerKeyStore(Path file, X509Certificate certificate, Written written) {
        /** True if the certificate expires within {@code period} from the clock's time. */
        public boolean expiresWithin(Duration period, Clock clock) {
            return !certificate.getNotAfter().toInstant().isAfter(clock.instant().plus(period));
        }
    }

    /**
     * Production: the operator's key store, checked and used as it is; nothing is ever written. It must open with
     * {@code password}, hold exactly one private key (EC, or RSA of 2048 bits or more; its password the store's)
     * with the certificate of that key, valid now, usable for TLS servers, and not issued by the client CA.
     *
     * @throws UnusableKeyStoreException naming the file and the problem, without any password
     */
    public static ServerKeyStore useProvided(Path pkcs12, char[] password, X509Certificate clientCa, Clock clock) {
        Entry entry = read(pkcs12, password);
        if (entry.touches(clientCa)) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds a server certificate issued by the client CA ("
                    + clientCa.getSubjectX500Principal() + "), which must not be a trust anchor for servers: use a"
                    + " certificate from a CA for servers");
        }
        requireServable(pkcs12, entry.certificate(), clock);
        return new ServerKeyStore(pkcs12, entry.certificate(), Written.NOTHING);
    }

    /**
     * Development: the key store at {@code pkcs12}, written from {@code issuer} for a new EC P-256 key when it is
     * missing, when it holds a certificate of the client CA, or when {@code issuer}'s own certificate in it expires
     * within 7 days. Any other key store (one the developer put there) is used as it is when usable; one that
     * cannot be read or used is left alone and refused, never overwritten.
     *
     * @throws UnusableKeyStoreException naming the file and the problem, without any password
     */
    public static ServerKeyStore useOrIssueForDevelopment(CaKeyMaterial issuer, X509Certificate clientCa, Path pkcs12,
                                                          char[] password, List<String> dnsNames,
                                                          List<String> ipAddresses, Clock clock) {
        if (!Files.exists(pkcs12, LinkOption.NOFOLLOW_LINKS)) {
            return new ServerKeyStore(pkcs12, writeKeyStore(issuer, pkcs12, password, dnsNames, ipAddresses, clock),
                    Written.CREATED);
        }
        Entry entry = read(pkcs12, password);
        if (entry.touches(clientCa)) {
            return new ServerKeyStore(pkcs12, writeKeyStore(issuer, pkcs12, password, dnsNames, ipAddresses, clock),
                    Written.REPLACED_CERTIFICATE_OF_THE_CLIENT_CA);
        }
        if (KeyStoreFiles.isIssuedBy(entry.certificate(), issuer.certificate())
                && !isValidThroughout(entry.certificate(), clock.instant(), clock.instant().plus(MINIMUM_REMAINING))) {
            return new ServerKeyStore(pkcs12, writeKeyStore(issuer, pkcs12, password, dnsNames, ipAddresses, clock),
                    Written.RENEWED);
        }
        requireServable(pkcs12, entry.certificate(), clock);
        return new ServerKeyStore(pkcs12, entry.certificate(), Written.NOTHING);
    }

    /**
     * Issues a server certificate for a new EC P-256 key and writes key and chain (server, issuer) under alias
     * {@value #ALIAS}. The subject's CN is the first DNS name, or the first IP address if there is none.
     *
     * @return the server certificate
     * @throws IllegalArgumentException if no name is given or an IP address is not IPv4 or IPv6
     */
    static X509Certificate writeKeyStore(CaKeyMaterial issuer, Path pkcs12, char[] password,
                                                List<String> dnsNames, List<String> ipAddresses, Clock clock) {
        Objects.requireNonNull(issuer, "issuer key material must not be null");
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        ipAddresses.forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one DNS name or IP address");
        }
        String commonName = dnsNames.isEmpty() ? ipAddresses.getFirst() : dnsNames.getFirst();
        KeyPair keys = ClientCredentials.generateEcP256();
        X509Certificate certificate = issue(issuer, keys, commonName, names, clock.instant());
        Pkcs12.write(pkcs12, ALIAS, keys.getPrivate(), List.of(certificate, issuer.certificate()), password);
        return certificate;
    }

    /** The one key entry of a server key store: its key and its chain, the server's certificate first. */
    private record Entry(List<X509Certificate> chain) {
        X509Certificate certificate() {
            return chain.getFirst();
        }

        /** True if the client CA is in the chain or issued any certificate of it. */
        boolean touches(X509Certificate clientCa) {
            return chain.stream().anyMatch(c -> c.equals(clientCa) || KeyStoreFiles.isIssuedBy(c, clientCa));
        }
    }

    private static Entry read(Path pkcs12, char[] password) {
        KeyStore store = KeyStoreFiles.open(KIND, pkcs12, password);
        List<String> keyAliases = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
        } catch (KeyStoreException e) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "cannot be read: " + e.getClass().getSimpleName());
        }
        if (keyAliases.isEmpty()) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds no private key");
        }
        if (keyAliases.size() > 1) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds " + keyAliases.size() + " private keys ("
                    + String.join(", ", keyAliases) + "); keep only the one the server is to present");
        }
        String alias = keyAliases.getFirst();
        Key key;
        Certificate[] chain;
        try {
            key = store.getKey(alias, password);
            chain = store.getCertificateChain(alias);
        } catch (UnrecoverableKeyException e) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds a key ('" + alias + "') that cannot be opened with"
                    + " the key store's password");
        } catch (GeneralSecurityException e) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "cannot be read: " + e.getClass().getSimpleName());
        }
        if (!(key instanceof PrivateKey privateKey)) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds no private key");
        }
        if (chain == null || chain.length == 0
                || !Arrays.stream(chain).allMatch(X509Certificate.class::isInstance)) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds a key ('" + alias + "') without its X.509"
                    + " certificate");
        }
        List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
        KeyStoreFiles.requireSigningKey(KIND, pkcs12, privateKey, certificates.getFirst().getPublicKey());
        return new Entry(certificates);
    }

    /** Valid now, and, where the certificate restricts its use, allowed for TLS servers. */
    private static void requireServable(Path pkcs12, X509Certificate certificate, Clock clock) {
        KeyStoreFiles.requireCurrentlyValid(KIND, pkcs12, certificate, clock);
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds a certificate whose key usage lacks"
                    + " digitalSignature, which TLS servers need (" + certificate.getSubjectX500Principal() + ")");
        }
        List<String> extendedKeyUsage;
        try {
            extendedKeyUsage = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds a certificate whose extended key usage cannot be"
                    + " read (" + certificate.getSubjectX500Principal() + ")");
        }
        if (extendedKeyUsage != null && !extendedKeyUsage.contains(SERVER_AUTH)
                && !extendedKeyUsage.contains(ANY_EXTENDED_KEY_USAGE)) {
            throw new UnusableKeyStoreException(KIND, pkcs12, "holds a certificate that is not for TLS servers (its"
                    + " extended key usage lacks serverAuth: " + certificate.getSubjectX500Principal() + ")");
        }
    }

    private static boolean isValidThroughout(X509Certificate certificate, Instant from, Instant to) {
        return !certificate.getNotBefore().toInstant().isAfter(from) && !certificate.getNotAfter().toInstant().isBefore(to);
    }

    private static X509Certificate issue(CaKeyMaterial issuer, KeyPair keys, String commonName, List<GeneralName> names,
                                         Instant now) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, new DERUTF8String(commonName))
                .build();
        SubjectPublicKeyInfo publicKey = Certificates.subjectPublicKeyInfo(keys.getPublic());
        // no certificate may outlive its CA
        Instant notAfter = min(now.plus(VALIDITY), issuer.certificate().getNotAfter().toInstant());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                Certificates.randomSerial(), Certificates.date(now), Certificates.date(notAfter), subject, publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, Certificates.subjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            Certificates.authorityKeyIdentifier(issuer.certificate()));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the server certificate's extensions", e);
        }
        return Certificates.sign(builder, issuer.privateKey());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
