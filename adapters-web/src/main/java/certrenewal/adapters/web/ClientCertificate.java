package certrenewal.adapters.web;

import io.micronaut.http.HttpRequest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;

/** The DER of the TLS client certificate of a request, or null when none was presented. */
public final class ClientCertificate {
    private ClientCertificate() {
    }

    public static byte[] der(HttpRequest<?> request) {
        Certificate certificate = request.getCertificate().orElse(null);
        if (certificate == null) {
            return null;
        }
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            return null;
        }
    }
}
