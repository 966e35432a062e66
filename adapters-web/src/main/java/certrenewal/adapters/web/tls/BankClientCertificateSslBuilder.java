package certrenewal.adapters.web.tls;

import certrenewal.application.port.in.GetCaCertificatesUseCase;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpVersion;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.ssl.CertificateProvidedSslBuilder;
import io.micronaut.http.ssl.ServerSslConfiguration;
import io.micronaut.http.ssl.SslConfiguration;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/**
 * Micronaut's server TLS set-up (key store from configuration) with the client certificate
 * requested, never required, and judged by the application (see {@link AnyClientCertificateTrustManager}).
 */
@Singleton
@Replaces(CertificateProvidedSslBuilder.class)
final class BankClientCertificateSslBuilder extends CertificateProvidedSslBuilder {
    private final GetCaCertificatesUseCase caCertificates;

    BankClientCertificateSslBuilder(HttpServerConfiguration serverConfiguration, ServerSslConfiguration ssl,
                                    ResourceResolver resourceResolver, GetCaCertificatesUseCase caCertificates) {
        super(serverConfiguration, ssl, resourceResolver);
        this.caCertificates = caCertificates;
    }

    /**
     * None: {@link #processBuilder} sets the only trust manager the server uses. Micronaut's default would read the
     * JDK's trust store of public CAs here, which no client certificate is judged by, on every start (about 30 ms of
     * the event loop that binds the HTTPS port, which the start waits for).
     */
    @Override
    protected TrustManagerFactory getTrustManagerFactory(SslConfiguration ssl) {
        return null;
    }

    @Override
    protected void processBuilder(SslContextBuilder builder, SslConfiguration ssl, HttpVersion httpVersion) {
        super.processBuilder(builder, ssl, httpVersion);
        builder.trustManager(new AnyClientCertificateTrustManager(this::bankCaCertificates));
        builder.clientAuth(ClientAuth.OPTIONAL);
    }

    private X509Certificate[] bankCaCertificates() {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<byte[]> ders = caCertificates.caCertificates();
            X509Certificate[] out = new X509Certificate[ders.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(ders.get(i)));
            }
            return out;
        } catch (CertificateException e) {
            throw new IllegalStateException("the CA certificate cannot be parsed", e);
        }
    }
}
