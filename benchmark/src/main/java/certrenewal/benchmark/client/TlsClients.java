package certrenewal.benchmark.client;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The TLS clients of one line: one context per ID, each presenting that ID's certificate, so that every request
 * opens a new connection with a distinct client certificate; the first {@code warmUps} are set aside to warm the
 * server up, and the {@code count} after those the warm-up used are timed. Made before the timed phases: it is the
 * client's set-up, not the server's work.
 */
public record TlsClients(List<SSLContext> contexts, int warmUps, int count) {

    /**
     * @param serverIssuer the only issuer the clients trust for the server (the development TLS issuer)
     * @param warmUps wanted warm-ups: all that the count leaves, but at most half of the IDs when they are short
     * @param count wanted timed requests, at most what the IDs leave
     */
    public static TlsClients of(List<ClientIdentity> identities, X509Certificate serverIssuer, int warmUps, int count) {
        int size = identities.size();
        int w = Math.min(warmUps, Math.max(size - count, size / 2));
        int c = Math.min(count, size - w);
        List<SSLContext> contexts = identities.subList(0, w + c).parallelStream()
                .map(identity -> identity.tlsContext(serverIssuer)).toList();
        return new TlsClients(contexts, w, c);
    }

    public SSLContext get(int index) {
        return contexts.get(index);
    }
}
