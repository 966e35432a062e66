package certrenewal.benchmark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.benchmark.client.ClientIdentity;
import certrenewal.benchmark.client.EstClient;
import certrenewal.domain.account.LoginId;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The handshake-only line's server over real TLS (BoringSSL): a client with a certificate of the client CA gets the
 * fixed answer on its own connection, a client without a certificate or with one of another CA gets none.
 */
class HandshakeOnlyServerTest {
    private static final byte[] REQUEST = ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), "req");

    private final KeyPair serverIssuerKeys = ClientCredentials.generateEcP256();
    private final X509Certificate serverIssuer = certificate("CN=Server Issuer", serverIssuerKeys, "CN=Server Issuer",
            serverIssuerKeys.getPrivate(), true, false);
    private final KeyPair serverKeys = ClientCredentials.generateEcP256();
    private final ServerTlsKey server = new ServerTlsKey(serverKeys.getPrivate(),
            certificate("CN=localhost", serverKeys, "CN=Server Issuer", serverIssuerKeys.getPrivate(), false, true),
            serverIssuer);
    private final KeyPair clientCaKeys = ClientCredentials.generateEcP256();
    private final X509Certificate clientCa = certificate("CN=Client CA", clientCaKeys, "CN=Client CA",
            clientCaKeys.getPrivate(), true, false);

    @Test
    void aClientWithACertificateOfTheClientCaGetsTheFixedAnswer() throws IOException {
        try (HandshakeOnlyServer running = HandshakeOnlyServer.start(server, clientCa)) {
            EstClient client = new EstClient(running.port());
            for (int i = 0; i < 2; i++) {
                EstClient.Reply reply = client.simpleReenroll(client(clientCaKeys, "CN=Client CA").tlsContext(serverIssuer), REQUEST);
                assertEquals(200, reply.status());
                assertEquals("handshake only\n", reply.body());
            }
        }
    }

    @Test
    void aClientWithoutACertificateOrWithOneOfAnotherCaGetsNoAnswer() {
        KeyPair otherCaKeys = ClientCredentials.generateEcP256();
        try (HandshakeOnlyServer running = HandshakeOnlyServer.start(server, clientCa)) {
            EstClient client = new EstClient(running.port());
            assertThrows(IOException.class, () -> client.simpleReenroll(ClientIdentity.withoutCertificate(serverIssuer), REQUEST));
            assertThrows(IOException.class, () -> client.simpleReenroll(
                    client(otherCaKeys, "CN=Client CA").tlsContext(serverIssuer), REQUEST));
        }
    }

    private ClientIdentity client(KeyPair caKeys, String caName) {
        KeyPair keys = ClientCredentials.generateEcP256();
        X509Certificate ca = certificate(caName, caKeys, caName, caKeys.getPrivate(), true, false);
        return new ClientIdentity(new LoginId("client"), keys,
                certificate("CN=client", keys, caName, caKeys.getPrivate(), false, false), ca);
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
                                               boolean ca, boolean localhost) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (localhost) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
