package certrenewal.adapters.web.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.X509TrustManager;

/**
 * Lets every client certificate through the TLS handshake so that the application can refuse an
 * expired, revoked or unknown one with a reason the user can read, instead of a bare TLS alert.
 * Safe because the handshake still proves possession of the key (CertificateVerify), and every
 * authenticated request matches the presented certificate byte for byte against the bank's records.
 * The accepted issuers are the bank's CA, so browsers offer only certificates the bank issued.
 */
final class AnyClientCertificateTrustManager implements X509TrustManager {
    private final Supplier<X509Certificate[]> acceptedIssuers;

    AnyClientCertificateTrustManager(Supplier<X509Certificate[]> acceptedIssuers) {
        this.acceptedIssuers = acceptedIssuers;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("empty client certificate chain");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only judges client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return acceptedIssuers.get();
    }
}
