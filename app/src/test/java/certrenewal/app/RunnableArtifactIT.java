package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable artifact as a newcomer or an operator starts it: {@code java -jar app/target/certrenewal.jar} in a
 * directory of its own, as a separate process, on the embedded default. Run by maven-failsafe after {@code package}
 * (the jar is made in that phase), so {@code mvn verify} checks the jar itself, not the class path the other tests
 * run on: that it starts (Main-Class, Micronaut's merged service files), serves HTTPS with BoringSSL (netty-tcnative's
 * native libraries inside the jar), makes and checks signatures with AWS-LC (the Corretto Crypto Provider's, also inside), creates {@code data/} in its working directory, issues certificates with the
 * BouncyCastle CA (demo data at the first start, then an EST renewal), opens its three listeners (HTTPS, plain HTTP
 * for the CRL and OCSP, management) each serving only its own, and stops on SIGTERM.
 */
class RunnableArtifactIT {
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    /** certrenewal.demo.pkcs12-password, as the README tells a newcomer. */
    private static final char[] DEMO_PKCS12_PASSWORD = "demo".toCharArray();
    private static final Pattern SERVING =
            Pattern.compile("Certificate renewal is serving https://localhost:(\\d+)/ .*TLS by ([^;]*); signatures by (.*)\\)$");
    private static final Pattern PLAIN_HTTP =
            Pattern.compile("over plain HTTP \\(nothing else there\\): http://localhost:(\\d+)/crl/ca.crl");
    private static final Pattern MANAGEMENT =
            Pattern.compile("Health and metrics \\(plain HTTP, nothing else there\\): http://127.0.0.1:(\\d+)/health");

    @TempDir
    Path workingDirectory;

    private Process process;
    private Path log;

    @AfterEach
    void stopWhateverIsLeft() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void startsFromTheJarInItsWorkingDirectoryServesHttpsIssuesAndStops() throws Exception {
        Path jar = artifact();
        Path repositoryData = Path.of("data").toAbsolutePath();
        boolean repositoryHadData = Files.exists(repositoryData);
        int port = freePort();
        int managementPort = freePort();

        start(jar, port, managementPort);

        // the log names the port it was given and the TLS engine
        Matcher serving = awaitLogLine(SERVING);
        assertEquals(port, Integer.parseInt(serving.group(1)), "serves on CERTRENEWAL_PORT");
        assertEquals("BoringSSL", serving.group(2), "netty-tcnative's native library loads from the jar");
        assertTrue(serving.group(3).startsWith("AWS-LC (Amazon Corretto Crypto Provider "), serving.group(3)
                + ": AWS-LC's native library loads from the jar and passes its self-tests");
        assertTrue(ArtifactProcess.mappedFiles(process.pid()).contains(ArtifactProcess.AWS_LC_LIBRARY),
                "AWS-LC's library is mapped into the server");
        int plainPort = Integer.parseInt(awaitLogLine(PLAIN_HTTP).group(1));
        assertEquals(managementPort, Integer.parseInt(awaitLogLine(MANAGEMENT).group(1)),
                "management on CERTRENEWAL_MANAGEMENT_PORT");
        assertFalse(plainPort == port || plainPort == managementPort, "three listeners, three ports");

        // the embedded default, under data/ of the working directory
        Path data = workingDirectory.resolve("data");
        awaitLogLine(Pattern.compile("Demo contract .* client credentials in (.*) \\(PKCS#12 password"));
        for (String file : List.of("db/certrenewal.mv.db", "ca/ca.p12", "ca/audit.p12", "tls/server.p12",
                "tls/issuer.crt", "demo/ca.crt", "demo/demo-user1.p12", "demo/demo-user1.crt")) {
            assertTrue(Files.isRegularFile(data.resolve(file)), "data/" + file + " in the working directory");
        }
        if (!repositoryHadData) {
            assertFalse(Files.exists(repositoryData), "nothing written into " + repositoryData);
        }

        // HTTPS, trusting only the development TLS issuer the start wrote, with the host name checked
        HttpClient anonymous = client(data.resolve("tls/issuer.crt"), null);
        HttpResponse<String> home = anonymous.send(get("https://localhost:" + port + "/"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(String.valueOf(home.statusCode()).matches("200|30[23]"), "GET / answered " + home.statusCode());

        // each listener serves its own and nothing else: the CRL over plain HTTP, metrics on the management port
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertEquals(200, status(plain, "http://localhost:" + plainPort + "/crl/ca.crl"));
        assertEquals(200, status(plain, "http://127.0.0.1:" + managementPort + "/prometheus"));
        for (String path : List.of("/health", "/prometheus", "/login")) {
            assertEquals(404, status(plain, "http://localhost:" + plainPort + path), path + " over plain HTTP");
        }
        for (String path : List.of("/health", "/prometheus")) {
            assertEquals(404, status(anonymous, "https://localhost:" + port + path), path + " over HTTPS");
        }
        for (String path : List.of("/crl/ca.crl", "/login", "/")) {
            assertEquals(404, status(plain, "http://127.0.0.1:" + managementPort + path), path + " on the management port");
        }

        // the demo certificate was issued by the client CA at the first start
        X509Certificate ca = certificate(data.resolve("demo/ca.crt"));
        X509Certificate demo = certificate(data.resolve("demo/demo-user1.crt"));
        demo.verify(ca.getPublicKey());

        // and the CA issues over EST: demo-user1 renews with its own certificate
        KeyStore credentials = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve("demo/demo-user1.p12"))) {
            credentials.load(in, DEMO_PKCS12_PASSWORD);
        }
        HttpClient demoUser = client(data.resolve("tls/issuer.crt"), credentials);
        HttpResponse<String> reply = demoUser.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + port + "/.well-known/est/simplereenroll"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofString(Base64.getMimeEncoder().encodeToString(csr())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        Collection<? extends Certificate> issued = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Base64.getMimeDecoder().decode(reply.body())));
        X509Certificate renewed = (X509Certificate) issued.iterator().next();
        renewed.verify(ca.getPublicKey());
        assertEquals(demo.getSubjectX500Principal(), renewed.getSubjectX500Principal());
        assertFalse(demo.getSerialNumber().equals(renewed.getSerialNumber()), "a new certificate");

        // SIGTERM, as an operator stops it: it ends, and its shutdown writes the audit checkpoint
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            fail("still running " + STOP_LIMIT + " after SIGTERM\n" + logText());
        }
        assertTrue(Files.isRegularFile(data.resolve("audit/checkpoints")), "audit checkpoint at shutdown\n" + logText());
    }

    // --- the process ---

    private static Path artifact() {
        String path = System.getProperty("certrenewal.artifact");
        if (path == null || path.isBlank()) {
            fail("certrenewal.artifact is not set: run through maven-failsafe (mvn verify), which builds the jar first");
        }
        Path jar = Path.of(path);
        assertTrue(Files.isRegularFile(jar), jar + " does not exist: mvn package makes it");
        return jar;
    }

    private void start(Path jar, int port, int managementPort) throws IOException {
        log = workingDirectory.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // nothing from the environment this build runs in: the embedded default with only the port set
        environment.keySet().removeIf(name -> name.startsWith("CERTRENEWAL_") || name.startsWith("MICRONAUT_"));
        environment.put("CERTRENEWAL_PORT", Integer.toString(port));
        // the plain-HTTP listener (CRL, OCSP) on a free port, not 8080, which another server here may hold
        environment.put("CERTRENEWAL_HTTP_PORT", "-1");
        // the management listener on a free port, not 8081 (a fixed number: its routes are bound to it)
        environment.put("CERTRENEWAL_MANAGEMENT_PORT", Integer.toString(managementPort));
        process = builder.start();
    }

    /** Polls the server's log until a line matches, up to the start limit; fails at once if the process ended. */
    private Matcher awaitLogLine(Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : logText().split("\n")) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (!process.isAlive()) {
                fail("the server exited with " + process.exitValue() + " before logging " + pattern + "\n" + logText());
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return fail("no line matching " + pattern + " within " + START_LIMIT + "\n" + logText());
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- the clients ---

    /** A TLS client that trusts only {@code anchor} and checks the host name; with {@code credentials}, its client certificate. */
    private static HttpClient client(Path anchor, KeyStore credentials) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("anchor", certificate(anchor));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (credentials != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(credentials, DEMO_PKCS12_PASSWORD);
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static int status(HttpClient client, String url) throws Exception {
        return client.send(get(url), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** A new P-256 key and its certificate request (DER); the subject is the bank's to decide. */
    private static byte[] csr() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=anything"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
                .getEncoded();
    }
}
