package certrenewal.benchmark.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * EST simplereenroll (RFC 7030) over one TLS connection per request: the client certificate
 * authenticates the connection, so a connection belongs to one ID, and each ID renews once. HTTP/1.1
 * by hand so that the handshake can be timed apart from the request. The peer and handshake-only
 * lines send their requests through {@link #post} too: the same client-side work for each.
 */
public final class EstClient {
    private static final String HOST = "localhost";
    private static final int TIMEOUT_MILLIS = 60_000;

    private final int port;

    public EstClient(int port) {
        this.port = port;
    }

    /** @param handshakeNanos time from connecting to the end of the TLS handshake */
    public record Reply(int status, String body, long handshakeNanos) {
    }

    public Reply simpleReenroll(SSLContext tls, byte[] pkcs10Der) throws IOException {
        return post(tls, "/.well-known/est/simplereenroll", "application/pkcs10\r\nContent-Transfer-Encoding: base64",
                Base64.getMimeEncoder().encode(pkcs10Der));
    }

    /**
     * One request on a new TLS connection with the client certificate of {@code tls}: the same client-side work for
     * every TLS line (EST, the cfssl peer with mutual TLS, the handshake-only server).
     *
     * @param contentType the Content-Type header's value (further header lines may follow after CRLF)
     */
    public Reply post(SSLContext tls, String path, String contentType, byte[] body) throws IOException {
        long start = System.nanoTime();
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(HOST, port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            // As curl, Go and browsers do: with Nagle's algorithm on, the request waits for the server's delayed
            // ACK of the client's last handshake flight (about 40 ms on Linux), which bounded every TLS line by
            // latency rather than by work until 2026-12-02.
            socket.setTcpNoDelay(true);
            socket.startHandshake();
            long handshake = System.nanoTime() - start;
            byte[] head = ("POST " + path + " HTTP/1.1\r\n"
                    + "Host: " + HOST + ":" + port + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            // one write, so one TLS record and one segment: headers and body do not wait for each other
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()), handshake);
        }
    }

    /** Status line, headers, then the body by Content-Length or up to the close. */
    private static Reply read(InputStream in, long handshake) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                throw new IOException("chunked replies are not expected from EST here");
            }
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return new Reply(Integer.parseInt(parts[1]), new String(body, StandardCharsets.US_ASCII), handshake);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int i = 0; i < 8192; i++) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the middle of the headers");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("header line too long");
    }
}
