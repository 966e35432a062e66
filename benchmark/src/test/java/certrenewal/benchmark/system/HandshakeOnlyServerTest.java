package certrenewal.benchmark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.benchmark.client.ClientIdentity;
import certrenewal.benchmark.client.EstClient;
import certrenewal.domain.account.LoginId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
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
 * fixed answer on its own connection, a client without a certificate or with one of another CA gets none. Also
 * the client every TLS line shares: its request leaves as one TLS record, so headers and body never wait for each
 * other on the wire.
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

    @Test
    void theClientSendsHeadersAndBodyInOneTlsRecord() throws Exception {
        // the server's key and chain in a TLS context, made as the clients make theirs (it asks for no client certificate)
        SSLContext tls = new ClientIdentity(new LoginId("server"), serverKeys, server.certificate(), serverIssuer)
                .tlsContext(serverIssuer);
        try (SSLServerSocket listening = (SSLServerSocket) tls.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            // one read of a TLS socket returns at most one record's plaintext
            CompletableFuture<String> firstRead = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listening.accept()) {
                    byte[] buffer = new byte[32 * 1024];
                    int read = accepted.getInputStream().read(buffer);
                    accepted.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                    return new String(buffer, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            EstClient.Reply reply = new EstClient(listening.getLocalPort())
                    .simpleReenroll(ClientIdentity.withoutCertificate(serverIssuer), REQUEST);
            assertEquals(200, reply.status());
            String received = firstRead.get(30, TimeUnit.SECONDS);
            assertTrue(received.startsWith("POST /.well-known/est/simplereenroll HTTP/1.1\r\n"), received);
            assertTrue(received.endsWith(Base64.getMimeEncoder().encodeToString(REQUEST)), received);
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
