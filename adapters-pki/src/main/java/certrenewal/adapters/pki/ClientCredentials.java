package certrenewal.adapters.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** What a client holds: a key pair, a certification request, and files to import them into a browser or tool. */
public final class ClientCredentials {
    private ClientCredentials() {
    }

    public static KeyPair generateEcP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    public static KeyPair generateRsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA " + bits + " key", e);
        }
    }

    /** A PKCS#10 request (DER) with subject CN={@code commonName}, signed SHA256withECDSA or SHA256withRSA. */
    public static byte[] certificationRequest(KeyPair keys, String commonName) {
        Objects.requireNonNull(commonName, "common name must not be null");
        try {
            return new JcaPKCS10CertificationRequestBuilder(
                    new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, new DERUTF8String(commonName)).build(),
                    keys.getPublic())
                    .build(Certificates.signer(keys.getPrivate()))
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the certification request", e);
        }
    }

    /** Writes key and chain (end entity first), readable by OpenSSL 3 and importable into browsers. */
    public static void writePkcs12(Path file, String alias, PrivateKey key, List<X509Certificate> chain,
                                   char[] password) {
        Pkcs12.write(file, alias, key, chain, password);
    }

    /** Writes the bytes of a PKCS#12 file made elsewhere (a staff credential), readable by its owner only. */
    public static void writePkcs12(Path file, byte[] pkcs12) {
        PrivateFiles.write(file, pkcs12.clone());
    }

    /** Writes a private key as PKCS#8 "PRIVATE KEY" (owner-only) or an X.509 certificate as "CERTIFICATE". */
    public static void writePem(Path file, Object certificateOrKey) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            switch (certificateOrKey) {
                case PrivateKey key -> pem.writeObject(new JcaPKCS8Generator(key, null));
                case X509Certificate certificate -> pem.writeObject(certificate);
                case null, default -> throw new IllegalArgumentException(
                        "can write a PrivateKey or an X509Certificate, not "
                        + (certificateOrKey == null ? "null" : certificateOrKey.getClass().getName()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode PEM for " + file, e);
        }
        byte[] content = text.toString().getBytes(StandardCharsets.US_ASCII);
        if (certificateOrKey instanceof PrivateKey) {
            PrivateFiles.write(file, content);
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** @throws IllegalArgumentException if {@code der} is not an X.509 certificate */
    public static X509Certificate parse(byte[] der) {
        return Certificates.parse(der);
    }
}
