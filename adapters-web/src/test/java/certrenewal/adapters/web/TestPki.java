package certrenewal.adapters.web;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A CA of the tests' own (EC P-256), the HTTPS server's certificate (localhost) and client
 * certificates, as the bank's would look to the adapter: the TLS handshake is real, so the
 * adapter reads the presented certificate exactly as in production.
 */
public final class TestPki {
    private static final char[] PASSWORD = "test-keystore".toCharArray();
    private static final AtomicLong SERIALS = new AtomicLong(0x1000);

    private final KeyPair caKeys = newKeyPair();
    private final X509Certificate ca = sign(new X500Name("CN=Web Test CA,O=Example Bank,C=JP"), caKeys.getPublic(), true, null);

    /** A key and the certificate the test CA issued for it, as a browser holds them. */
    public record Credential(KeyPair keys, X509Certificate certificate) {
        public byte[] der() {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public String serialHex() {
            return certificate.getSerialNumber().toString(16);
        }

        /** Upper-case hex SHA-256 over the DER, as the bank's records keep it. */
        public String sha256() {
            try {
                return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public byte[] caDer() {
        try {
            return ca.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client certificate of the test CA with CN={@code loginId}. */
    public Credential client(String loginId) {
        KeyPair keys = newKeyPair();
        return new Credential(keys, sign(new X500Name("CN=" + loginId + ",OU=0000001,O=Web Test Co.,C=JP"), keys.getPublic(),
                false, KeyPurposeId.id_kp_clientAuth));
    }

    /** A PKCS#10 request over a new key, as the browser's script sends it. */
    public byte[] certificationRequest(String loginId) {
        try {
            KeyPair keys = newKeyPair();
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + loginId),
                    keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return request.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's key store (PKCS#12): a localhost certificate of the test CA; its password is {@link #keyStorePassword()}. */
    public KeyStore serverKeyStore() {
        KeyPair keys = newKeyPair();
        X509Certificate server = sign(new X500Name("CN=localhost"), keys.getPublic(), false, KeyPurposeId.id_kp_serverAuth);
        return keyStore(keys, server);
    }

    public String keyStorePassword() {
        return new String(PASSWORD);
    }

    /** TLS as a browser makes it: trusting the test CA, presenting {@code client} when asked (none when null). */
    public SSLContext clientTls(Credential client) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(client == null ? emptyKeyStore() : keyStore(client.keys(), client.certificate()), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore keyStore(KeyPair keys, X509Certificate certificate) {
        try {
            KeyStore store = emptyKeyStore();
            store.setKeyEntry("key", keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate, ca});
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private X509Certificate sign(X500Name subject, PublicKey key, boolean isCa, KeyPurposeId purpose) {
        try {
            Instant now = Instant.now();
            X500Name issuer = isCa ? subject : X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                    SubjectPublicKeyInfo.getInstance(key.getEncoded()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (purpose == KeyPurposeId.id_kp_serverAuth) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate());
            byte[] der = builder.build(signer).getEncoded();
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
