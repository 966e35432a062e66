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
        String json = "{\"certificate_request\":\"" + pem(pkcs10Der) + "\"}";
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(sign).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        String body = reply.body();
        if (reply.statusCode() != 200 || !body.contains("\"success\":true") || !body.contains("BEGIN CERTIFICATE")) {
            throw new IOException("cfssl answered " + reply.statusCode() + ": "
                    + body.substring(0, Math.min(200, body.length())));
        }
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
