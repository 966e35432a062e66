package certrenewal.benchmark.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/**
 * cfssl's HTTP sign API ({@code POST /api/v1/cfssl/sign}). Plain HTTP/1.1 with keep-alive: cfssl
 * authenticates no client, so one pooled connection per client thread serves every request.
 */
public final class CfsslClient implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI sign;

    public CfsslClient(int port) {
        this.sign = URI.create("http://127.0.0.1:" + port + "/api/v1/cfssl/sign");
    }

    /** @throws IOException when cfssl does not answer with success and a certificate */
    public void sign(byte[] pkcs10Der) throws IOException, InterruptedException {
        String json = signRequest(pkcs10Der);
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(sign).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IOException("cfssl answered " + reply.statusCode() + ": " + start(reply.body()));
        }
        requireCertificate(reply.body());
    }

    /** The sign API's request for {@code pkcs10Der}, as JSON. */
    public static String signRequest(byte[] pkcs10Der) {
        return "{\"certificate_request\":\"" + pem(pkcs10Der) + "\"}";
    }

    /** @throws IOException unless the sign API's answer says success and holds a certificate */
    public static void requireCertificate(String body) throws IOException {
        if (!body.contains("\"success\":true") || !body.contains("BEGIN CERTIFICATE")) {
            throw new IOException("cfssl did not sign: " + start(body));
        }
    }

    private static String start(String body) {
        return body.substring(0, Math.min(200, body.length()));
    }

    /** PEM with its line breaks escaped for a JSON string. */
    static String pem(byte[] pkcs10Der) {
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs10Der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
        return pem.replace("\n", "\\n");
    }

    @Override
    public void close() {
        http.close();
    }
}
