package certrenewal.benchmark.client;

import certrenewal.domain.account.LoginId;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** A login ID as its client holds it: the key, the certificate the bank issued for it, and the bank's client CA. */
public record ClientIdentity(LoginId loginId, KeyPair keys, X509Certificate certificate, X509Certificate ca) {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    /**
     * TLS that presents this ID's certificate and trusts only {@code serverIssuer} for the server
     * (the development TLS issuer; the client CA never vouches for servers).
     */
    public SSLContext tlsContext(X509Certificate serverIssuer) {
        try {
            KeyStore own = KeyStore.getInstance("PKCS12");
            own.load(null, null);
            own.setKeyEntry("client", keys.getPrivate(), IN_MEMORY, new X509Certificate[] {certificate, ca});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(own, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trusting(serverIssuer), null);
            return context;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for " + loginId, e);
        }
    }

    /** TLS that trusts only {@code serverIssuer} and presents no certificate: what a server must refuse. */
    public static SSLContext withoutCertificate(X509Certificate serverIssuer) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trusting(serverIssuer), null);
            return context;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS without a client certificate", e);
        }
    }

    private static TrustManager[] trusting(X509Certificate serverIssuer) throws java.io.IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server-issuer", serverIssuer);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        return trustManagers.getTrustManagers();
    }
}
